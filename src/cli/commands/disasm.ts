// bootlab disasm FILE [--bits 16|32|64] [--org ADDR]
import { readFileSync } from 'node:fs';
import { disassemble } from '../../x86/disasm.ts';
import { parseAddress, parseBits, parseCommandLine } from '../args.ts';
import { UsageError, type CliIO } from '../io.ts';

export function run(args: string[], io: CliIO): number {
  const { values, positionals } = parseCommandLine(args, {
    bits: { type: 'string' },
    org: { type: 'string' },
  });
  if (positionals.length !== 1) {
    throw new UsageError(positionals.length === 0 ? 'no input file' : `one input file, not ${positionals.length}`);
  }
  const input = positionals[0]!;
  const bits = parseBits(values.bits) ?? 16;
  const org = values.org === undefined ? 0n : parseAddress(values.org, '--org address');

  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(input));
  } catch (e) {
    io.err(`${input}: error: unable to open input file (${(e as NodeJS.ErrnoException).code ?? String(e)})\n`);
    return 1;
  }
  const listing = disassemble(bytes, { bits, org });
  if (listing.length > 0) io.out(listing.endsWith('\n') ? listing : listing + '\n');
  return 0;
}
