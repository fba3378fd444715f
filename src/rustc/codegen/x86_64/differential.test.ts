// Random IR programs, run in the reference interpreter and compiled (debug and release),
// linked, booted and run in Bootlab's machine: every result must agree bit for bit.
import { describe, expect, it, vi } from 'vitest';
import { FuncBuilder } from '../../ir/builder.ts';
import { Interpreter } from '../../ir/interpret.ts';
import { printFunc } from '../../ir/print.ts';
import { bitsOf, c, type Module } from '../../ir/types.ts';
import { ProgramGenerator, type RandomFunc } from './random-program.ts';
import { builtins128 } from './test-builtins128.ts';
import { compileLinkBoot, readKernel } from './test-run.ts';

vi.setConfig({ testTimeout: 300_000 });

const FUNCS = 40;
const INPUTS = 3;

function randomModule(seed: number): { module: Module; funcs: RandomFunc[]; inputs: bigint[][][] } {
  const gen = new ProgramGenerator(seed);
  const funcs: RandomFunc[] = [];
  for (let k = 0; k < FUNCS; k++) funcs.push(gen.func(`f${k}`, funcs));
  const inputs = funcs.map((rf) => Array.from({ length: INPUTS }, () => [gen.constant(rf.type), gen.constant(rf.type), BigInt(gen.int(300))]));
  const start = new FuncBuilder('_start', [], 'never', true);
  const results = start.staticAddr('RESULTS');
  funcs.forEach((rf, k) => inputs[k]!.forEach((args, j) => {
    const r = start.call(rf.func.name, [c(rf.type, args[0]!), c(rf.type, args[1]!), c('u32', args[2]!)], rf.type)!;
    start.store(start.ptrAdd(results, (k * INPUTS + j) * 16), r);
  }));
  start.emit({ op: 'out', port: c('u16', 0xf4), value: c('u32', 0x10) });
  start.emit({ op: 'hlt' });
  const module: Module = {
    name: `random${seed}`, sourceFile: 'random.rs', externs: [], panicSymbol: 'panic',
    funcs: [...funcs.map((f) => f.func), start.build(), ...builtins128()],
    statics: [{ name: 'RESULTS', global: false, mutable: true, align: 16, bytes: new Uint8Array(FUNCS * INPUTS * 16) }],
  };
  return { module, funcs, inputs };
}

describe('random IR programs: interpreter vs compiled code on the machine', () => {
  for (const seed of [1, 2, 3, 4, 5, 6]) {
    for (const opt of [0, 3] as const) {
      it(`seed ${seed}, opt-level ${opt}`, () => {
        const { module, funcs, inputs } = randomModule(seed);
        const run = compileLinkBoot([module], opt);
        expect(run.stop).toBe('debug-exit');
        const base = run.symbols.get('RESULTS')!;
        const interpreter = new Interpreter(module);
        funcs.forEach((rf, k) => inputs[k]!.forEach((args, j) => {
          const expected = BigInt.asUintN(bitsOf(rf.type), interpreter.call(rf.func.name, args));
          const actual = readKernel(run, base + BigInt((k * INPUTS + j) * 16), 16) & ((1n << BigInt(bitsOf(rf.type))) - 1n);
          if (actual !== expected) {
            throw new Error(`${rf.func.name}(${args.join(', ')}) : ${rf.type} = ${actual}, interpreter says ${expected}\n${printFunc(rf.func)}`);
          }
        }));
      });
    }
  }
});
