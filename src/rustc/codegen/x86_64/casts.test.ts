// Every cast between integer types (and bool, char) on edge values, debug and release, compiled
// and run on the machine, against the reference interpreter. The values come from volatile
// loads, so the optimiser cannot fold the casts away and the selector's own sequences run.
import { describe, expect, it, vi } from 'vitest';
import { FuncBuilder } from '../../ir/builder.ts';
import { Interpreter, Exit } from '../../ir/interpret.ts';
import { bitsOf, c, INT_TYPES, isSigned, wrap, type Module, type ScalarType } from '../../ir/types.ts';
import { builtins128 } from './test-builtins128.ts';
import { compileLinkBoot, readKernel } from './test-run.ts';

vi.setConfig({ testTimeout: 300_000 });

const FROM: ScalarType[] = [...INT_TYPES, 'bool', 'char'];
const TO: ScalarType[] = [...INT_TYPES];

function edges(t: ScalarType): bigint[] {
  if (t === 'bool') return [0n, 1n];
  if (t === 'char') return [0x41n, 0x10ffffn];
  const bits = BigInt(bitsOf(t));
  const min = isSigned(t) ? -(1n << (bits - 1n)) : 0n;
  const max = isSigned(t) ? (1n << (bits - 1n)) - 1n : (1n << bits) - 1n;
  return [...new Set([min, max, wrap(t, 200n), wrap(t, -56n), 1n])];
}

function module(): { m: Module; count: number } {
  const values: { type: ScalarType; value: bigint }[] = FROM.flatMap((type) => edges(type).map((value) => ({ type, value })));
  const bytes = new Uint8Array(values.length * 16);
  values.forEach(({ type, value }, k) => {
    let u = BigInt.asUintN(bitsOf(type), value);
    for (let b = 0; b < bitsOf(type) / 8; b++, u >>= 8n) bytes[k * 16 + b] = Number(u & 0xffn);
  });
  const f = new FuncBuilder('_start', [], 'never', true);
  const input = f.staticAddr('INPUT');
  const out = f.staticAddr('OUT');
  let n = 0;
  values.forEach(({ type }, k) => {
    for (const to of TO) {
      const x = f.load(type, f.ptrAdd(input, k * 16), true);
      // Stored as a u64 (a no-op for the register), so a result left non-canonical in its
      // upper bits shows; 128-bit results as they are.
      const y = f.cast(to, x);
      f.store(f.ptrAdd(out, n++ * 16), bitsOf(to) === 128 ? y : f.cast('u64', y));
    }
  });
  f.emit({ op: 'out', port: c('u16', 0xf4), value: c('u32', 0x10) });
  f.emit({ op: 'hlt' });
  return {
    count: n,
    m: {
      name: 'casts', sourceFile: 'casts.rs', externs: [], panicSymbol: 'panic', funcs: [f.build(), ...builtins128()],
      statics: [
        { name: 'INPUT', global: false, mutable: true, align: 16, bytes },
        { name: 'OUT', global: false, mutable: true, align: 16, bytes: new Uint8Array(n * 16) },
      ],
    },
  };
}

describe('casts between every pair of integer types', () => {
  const { m, count } = module();
  const interp = new Interpreter(m);
  expect(() => interp.call('_start', [])).toThrow(Exit);
  const base = interp.staticAddress.get('OUT')!;
  const expected = Array.from({ length: count }, (_, k) => interp.read(base + BigInt(16 * k), 128));
  for (const opt of [0, 3] as const) {
    it(`opt-level ${opt}: the machine stores what the interpreter does`, () => {
      const run = compileLinkBoot([m], opt);
      expect(run.exitCode).toBe(0x10);
      const at = run.symbols.get('OUT')!;
      // Only what was stored is compared (the rest of each 16 bytes is never written).
      const bits = (k: number) => BigInt(bitsOf(TO[k % TO.length]!) === 128 ? 128 : 64);
      const actual = expected.map((_, k) => readKernel(run, at + BigInt(16 * k), 16) & ((1n << bits(k)) - 1n));
      const want = expected.map((x, k) => x & ((1n << bits(k)) - 1n));
      expect(actual).toEqual(want);
    });
  }
});
