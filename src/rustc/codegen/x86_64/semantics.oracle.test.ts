// The IR's semantics against Rust's: random IR programs (random-program.ts) are translated to
// Rust (to-rust.ts), compiled by the host's rustc and run natively; the reference interpreter
// must print the same results. Together with differential.test.ts (interpreter vs our machine
// code) this ties our generated code to rustc's behaviour.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { Interpreter } from '../../ir/interpret.ts';
import { wrap, type Module } from '../../ir/types.ts';
import { ProgramGenerator, type RandomFunc } from './random-program.ts';
import { funcToRust } from './to-rust.ts';

vi.setConfig({ testTimeout: 300_000 });

describe('IR semantics vs the host rustc', () => {
  for (const seed of [1, 2, 3, 4]) {
    it(`random programs, seed ${seed}`, () => {
      const gen = new ProgramGenerator(seed);
      const funcs: RandomFunc[] = [];
      for (let k = 0; k < 40; k++) funcs.push(gen.func(`f${k}`, funcs));
      const inputs = funcs.map((rf) => Array.from({ length: 3 }, () => [gen.constant(rf.type), gen.constant(rf.type), BigInt(gen.int(300))]));
      const calls = funcs.flatMap((rf, k) => inputs[k]!.map((args) => `    println!("{}", ${rf.func.name}((${args[0]}${rf.type}), (${args[1]}${rf.type}), ${args[2]}u32));`));
      const source = `#[repr(align(16))]\n#[allow(dead_code)]\nstruct Slot<const N: usize>([u8; N]);\n${funcs.map((rf) => funcToRust(rf.func)).join('\n')}\nfn main() {\n${calls.join('\n')}\n}\n`;
      const dir = mkdtempSync(join(tmpdir(), 'ir-semantics-'));
      writeFileSync(join(dir, 'main.rs'), source);
      execFileSync('rustc', ['--edition', '2021', '-O', '-o', join(dir, 'main'), join(dir, 'main.rs')], { stdio: 'pipe' });
      const lines = execFileSync(join(dir, 'main'), { encoding: 'utf8' }).trim().split('\n');
      const module: Module = { name: 'm', sourceFile: 'm.rs', funcs: funcs.map((f) => f.func), statics: [], externs: [], panicSymbol: 'panic' };
      const interpreter = new Interpreter(module);
      let n = 0;
      funcs.forEach((rf, k) => inputs[k]!.forEach((args) => {
        const expected = BigInt(lines[n++]!);
        expect(wrap(rf.type, interpreter.call(rf.func.name, args)), `${rf.func.name}(${args.join(', ')})`).toBe(expected);
      }));
      expect(n).toBe(120);
    });
  }
});
