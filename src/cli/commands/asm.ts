// bootlab asm FILE.asm [-o OUT] [--bits 16|32|64] [-i DIR/]...
import { readFileSync, writeFileSync } from 'node:fs';
import { assemble } from '../../x86/asm/index.ts';
import { defaultOutput, parseBits, parseCommandLine } from '../args.ts';
import { UsageError, type CliIO } from '../io.ts';

function readTextFile(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

function readBinaryFile(path: string): Uint8Array | undefined {
  try {
    return new Uint8Array(readFileSync(path));
  } catch {
    return undefined;
  }
}

export function run(args: string[], io: CliIO): number {
  const { values, positionals } = parseCommandLine(args, {
    output: { type: 'string', short: 'o' },
    bits: { type: 'string' },
    include: { type: 'string', short: 'i', multiple: true },
    Include: { type: 'string', short: 'I', multiple: true },
  });
  if (positionals.length !== 1) {
    throw new UsageError(positionals.length === 0 ? 'no input file' : `one input file, not ${positionals.length}`);
  }
  const input = positionals[0]!;
  const bits = parseBits(values.bits);
  const includeDirs = [...(values.include ?? []), ...(values.Include ?? [])];
  const output = values.output ?? defaultOutput(input);

  const source = readTextFile(input);
  if (source === undefined) {
    io.err(`${input}: error: unable to open input file\n`);
    return 1;
  }
  const result = assemble(source, {
    fileName: input,
    ...(bits !== undefined && { bits }),
    includeDirs,
    readFile: readTextFile,
    readBinary: readBinaryFile, // incbin takes the file's bytes as they are
  });
  if (!result.ok) {
    for (const error of result.errors) io.err(error + '\n');
    return 1;
  }
  writeFileSync(output, result.bytes);
  return 0;
}
