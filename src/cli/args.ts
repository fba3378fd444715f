// Small helpers over node:util's parseArgs that turn its errors into UsageErrors and parse
// the option values the commands share.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './io.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

export function parseCommandLine<O extends Options>(args: string[], options: O) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
}

export type Bits = 16 | 32 | 64;

export function parseBits(value: string | undefined): Bits | undefined {
  if (value === undefined) return undefined;
  if (value === '16' || value === '32' || value === '64') return Number(value) as Bits;
  throw new UsageError(`--bits must be 16, 32 or 64, not '${value}'`);
}

/** An address: decimal, 0x/0o/0b-prefixed, or NASM-style with a trailing h (7c00h). */
export function parseAddress(value: string, what = 'address'): bigint {
  const text = value.trim().replace(/_/g, '');
  let n: bigint | undefined;
  try {
    if (/^[0-9][0-9a-f]*h$/i.test(text)) n = BigInt('0x' + text.slice(0, -1));
    else if (/^(0x[0-9a-f]+|0o[0-7]+|0b[01]+|[0-9]+)$/i.test(text)) n = BigInt(text);
  } catch {
    n = undefined;
  }
  if (n === undefined) throw new UsageError(`bad ${what} '${value}' (use decimal, 0x7c00 or 7c00h)`);
  if (n >= 1n << 64n) throw new UsageError(`${what} '${value}' does not fit in 64 bits`);
  return n;
}

/** nasm's default output name for `-f bin`: the input without its extension, else nasm.out. */
export function defaultOutput(input: string): string {
  const slash = input.lastIndexOf('/');
  const dot = input.lastIndexOf('.');
  return dot > slash + 1 ? input.slice(0, dot) : 'nasm.out';
}
