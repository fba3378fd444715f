// bootlab link A.o B.o ... -o OUT [-e SYMBOL] [--gc-sections]
import { readFileSync, writeFileSync } from 'node:fs';
import { linkFiles, type InputBytes } from '../../link/index.ts';
import { parseCommandLine } from '../args.ts';
import { UsageError, type CliIO } from '../io.ts';

export function run(args: string[], io: CliIO): number {
  const { values, positionals } = parseCommandLine(args, {
    output: { type: 'string', short: 'o' },
    entry: { type: 'string', short: 'e' },
    'gc-sections': { type: 'boolean' },
    'no-gc-sections': { type: 'boolean' },
  });
  if (positionals.length === 0) throw new UsageError('no input files');
  const output = values.output ?? 'a.out';
  const inputs: InputBytes[] = [];
  for (const path of positionals) {
    try {
      inputs.push({ name: path, bytes: new Uint8Array(readFileSync(path)) });
    } catch {
      io.err(`rust-lld: error: cannot open ${path}: No such file or directory\n`);
      return 1;
    }
  }
  const result = linkFiles(inputs, {
    ...(values.entry !== undefined && { entry: values.entry }),
    gcSections: values['gc-sections'] === true && values['no-gc-sections'] !== true,
  });
  if (result.stderr) io.err(result.stderr);
  if (!result.ok || !result.bytes) return 1;
  writeFileSync(output, result.bytes, { mode: 0o755 });
  return 0;
}
