// Calls through function pointers (`callIndirect`): a table of function addresses in a static
// (64-bit relocations), a pointer picked at run time and called with mixed-width arguments,
// eight of them (two on the stack), narrow results; run in the reference interpreter and on the
// machine, debug and release, results compared.
import { describe, expect, it, vi } from 'vitest';
import { FuncBuilder } from '../../ir/builder.ts';
import { Interpreter, Exit } from '../../ir/interpret.ts';
import { c, v, type Func, type Module, type Operand, type ScalarType } from '../../ir/types.ts';
import { IrError, verifyModule } from '../../ir/verify.ts';
import { compileLinkBoot, readKernel } from './test-run.ts';

vi.setConfig({ testTimeout: 120_000 });

const SIG: ScalarType[] = ['u8', 'i16', 'u32', 'i64', 'u64', 'i32', 'u16', 'i8'];

/** fn NAME(a..h) -> i32: a weighted sum, so every argument's position and extension matters. */
function weighted(name: string, k: number): Func {
  const f = new FuncBuilder(name, SIG, 'i32');
  let acc: Operand = c('i64', k);
  SIG.forEach((_, n) => {
    const x = f.cast('i64', f.param(n));
    acc = f.binary('add', 'i64', f.binary('mul', 'i64', acc, c('i64', 3 + k)), x);
  });
  f.terminate({ op: 'return', value: f.cast('i32', acc) });
  return f.build();
}

function module(): Module {
  const start = new FuncBuilder('_start', [], 'never', true);
  const table = start.staticAddr('TABLE');
  const out = start.staticAddr('OUT');
  const i = start.value('u64');
  start.assign(i, c('u64', 0));
  start.terminate({ op: 'goto', target: 'head' });
  start.block('head');
  start.terminate({ op: 'branch', cond: start.compare('lt', v(i), c('u64', 6)), then: 'body', else: 'done' });
  start.block('body');
  const fp = start.load('ptr', start.ptrAdd(table, 0, start.binary('rem', 'u64', v(i), c('u64', 3)), 8));
  const args = [c('u8', 200), start.cast('i16', v(i)), c('u32', 0xfffffff0), c('i64', -5), start.binary('mul', 'u64', v(i), c('u64', 1000)), c('i32', -70000), c('u16', 65535), c('i8', -128)];
  const r = start.callIndirect(fp, SIG, 'i32', args)!;
  start.store(start.ptrAdd(out, 0, v(i), 8), start.cast('i64', r));
  start.assign(i, start.binary('add', 'u64', v(i), c('u64', 1)));
  start.terminate({ op: 'goto', target: 'head' });
  start.block('done');
  // A unit-returning indirect call through a pointer taken directly with staticAddr.
  start.callIndirect(start.staticAddr('mark'), ['ptr'], 'unit', [out]);
  start.emit({ op: 'out', port: c('u16', 0xf4), value: c('u32', 0x10) });
  start.emit({ op: 'hlt' });
  const mark = new FuncBuilder('mark', ['ptr'], 'unit');
  mark.store(mark.ptrAdd(mark.param(0), 48), c('u64', 0x5eed));
  mark.terminate({ op: 'return' });
  return {
    name: 'indirect', sourceFile: 'indirect.rs', externs: [], panicSymbol: 'panic',
    funcs: [weighted('f0', 0), weighted('f1', 1), weighted('f2', 2), mark.build(), start.build()],
    statics: [
      { name: 'TABLE', global: false, mutable: false, align: 8, bytes: new Uint8Array(24), relocs: [0, 1, 2].map((k) => ({ offset: 8 * k, symbol: `f${k}` })) },
      { name: 'OUT', global: false, mutable: true, align: 8, bytes: new Uint8Array(56) },
    ],
  };
}

describe('indirect calls through function pointers', () => {
  const m = module();
  const interp = new Interpreter(m);
  expect(() => interp.call('_start', [])).toThrow(Exit);
  const expected = Array.from({ length: 7 }, (_, k) => interp.read(interp.staticAddress.get('OUT')! + BigInt(8 * k), 64));
  it('the interpreter computes distinct results per target', () => {
    expect(new Set(expected.slice(0, 3)).size).toBe(3);
    expect(expected[6]).toBe(0x5eedn);
  });
  for (const opt of [0, 3] as const) {
    it(`compiled at opt-level ${opt}: same results as the interpreter`, () => {
      const run = compileLinkBoot([m], opt);
      expect(run.stop).toBe('debug-exit');
      const base = run.symbols.get('OUT')!;
      const actual = expected.map((_, k) => readKernel(run, base + BigInt(8 * k), 8));
      expect(actual).toEqual(expected);
    });
  }
  it('the verifier checks the signature against the arguments', () => {
    const f = new FuncBuilder('_start', [], 'unit');
    f.callIndirect(f.staticAddr('f0'), ['u32'], 'unit', [c('u64', 1)]);
    f.terminate({ op: 'return' });
    expect(() => verifyModule({ ...m, funcs: [weighted('f0', 0), f.build()] })).toThrow(IrError);
    expect(() => verifyModule({ ...m, funcs: [weighted('f0', 0), f.build()] })).toThrow(/argument 0 is u64, expected u32/);
  });
});
