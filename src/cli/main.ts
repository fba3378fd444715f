// Entry point of the `bootlab` command (`npm run bootlab -- ...`, or `npx bootlab` once linked).
import { runCli } from './cli.ts';
import { nodeIO } from './io.ts';

try {
  process.exitCode = await runCli(process.argv.slice(2), nodeIO);
} catch (e) {
  process.stderr.write(`bootlab: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
}
