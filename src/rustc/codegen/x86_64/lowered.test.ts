// Lowering-shaped random programs (random-lowered.ts): the optimiser must keep every result.
// First at the IR level, many programs, the reference interpreter on the IR before and after
// optimizeFunc (and the verifier on the result); then a few modules compiled debug and release,
// run on the machine and compared with the interpreter bit for bit.
import { describe, expect, it, vi } from 'vitest';
import { FuncBuilder } from '../../ir/builder.ts';
import { Interpreter } from '../../ir/interpret.ts';
import { optimizeFunc } from '../../ir/optimize.ts';
import { optimizeModule } from '../../ir/inline.ts';
import { printFunc } from '../../ir/print.ts';
import { c, type Func, type Module } from '../../ir/types.ts';
import { verifyModule } from '../../ir/verify.ts';
import { LoweredGenerator } from './random-lowered.ts';
import { compileLinkBoot, readKernel } from './test-run.ts';

vi.setConfig({ testTimeout: 300_000 });

const FUNCS = 8;
const INPUTS: [bigint, bigint, bigint][] = [[0n, 0n, 0n], [7n, 0xffff_ffff_ffff_fff0n, 3n], [0x1234_5678_9abc_def0n, 42n, 0xffff_fffen], [5n, 5n, 17n]];

function randomModule(seed: number): Module {
  const gen = new LoweredGenerator(seed);
  const funcs: Func[] = [];
  for (let k = 0; k < FUNCS; k++) funcs.push(gen.func(`g${k}`, funcs.map((f) => f.name)));
  const start = new FuncBuilder('_start', [], 'never', true);
  const results = start.staticAddr('RESULTS');
  funcs.forEach((f, k) => INPUTS.forEach((args, j) => {
    const r = start.call(f.name, [c('u64', args[0]), c('u64', args[1]), c('u32', args[2])], 'u64')!;
    start.store(start.ptrAdd(results, (k * INPUTS.length + j) * 8), r);
  }));
  start.emit({ op: 'out', port: c('u16', 0xf4), value: c('u32', 0x10) });
  start.emit({ op: 'hlt' });
  const panic = new FuncBuilder('panic', ['ptr', 'usize', 'ptr'], 'never');
  panic.emit({ op: 'out', port: c('u16', 0xf4), value: c('u32', 0x21) });
  panic.emit({ op: 'hlt' });
  return {
    name: `lowered${seed}`, sourceFile: 'lowered.rs', externs: [], panicSymbol: 'panic',
    funcs: [...funcs, start.build(), panic.build()],
    statics: [{ name: 'RESULTS', global: false, mutable: true, align: 8, bytes: new Uint8Array(FUNCS * INPUTS.length * 8) }],
  };
}

const results = (m: Module) => {
  const interp = new Interpreter(m);
  return m.funcs.filter((f) => f.name.startsWith('g')).flatMap((f) => INPUTS.map((args) => interp.call(f.name, args)));
};

describe('lowering-shaped random programs', () => {
  it('optimised IR computes what the IR computes (300 modules, interpreter; odd seeds with inlining)', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const m = randomModule(seed);
      const opt = seed % 2 ? optimizeModule(m) : { ...m, funcs: m.funcs.map(optimizeFunc) };
      verifyModule(opt);
      const expected = results(m);
      const actual = results(opt);
      for (let k = 0; k < expected.length; k++) {
        if (actual[k] !== expected[k]) {
          const f = m.funcs[Math.floor(k / INPUTS.length)]!;
          throw new Error(`seed ${seed}: ${f.name}(${INPUTS[k % INPUTS.length]!.join(', ')}) = ${actual[k]} after optimisation, ${expected[k]} before\n${printFunc(f)}\n${printFunc(optimizeFunc(f))}`);
        }
      }
    }
  });
  for (const seed of [1, 2, 3, 4, 5]) {
    for (const opt of seed <= 3 ? [0, 3] as const : [3] as const) {
      it(`seed ${seed}, opt-level ${opt}: machine and interpreter agree`, () => {
        const m = randomModule(seed);
        const run = compileLinkBoot([m], opt);
        expect(run.exitCode).toBe(0x10);
        const base = run.symbols.get('RESULTS')!;
        const expected = results(m);
        const actual = expected.map((_, k) => readKernel(run, base + BigInt(8 * k), 8));
        expect(actual).toEqual(expected);
      });
    }
  }
});
