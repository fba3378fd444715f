// bootlab bench [FILTER...] [--dir DIR]
import { fileURLToPath } from 'node:url';
import { runBenchmarks } from '../../../bench/run.ts';
import { parseCommandLine } from '../args.ts';
import type { CliIO } from '../io.ts';

const defaultDir = fileURLToPath(new URL('../../../bench/', import.meta.url));

export function run(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandLine(args, {
    dir: { type: 'string' },
  });
  return runBenchmarks({ dir: values.dir ?? defaultDir, filters: positionals, io });
}
