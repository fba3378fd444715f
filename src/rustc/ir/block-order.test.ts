// Loop rotation and block order: the shape of the result, and the same results from the
// interpreter before and after.
import { describe, expect, it } from 'vitest';
import { FuncBuilder } from './builder.ts';
import { Interpreter } from './interpret.ts';
import { optimizeFunc } from './optimize.ts';
import { orderBlocks, rotateLoops } from './block-order.ts';
import { c, v, type Func, type Module } from './types.ts';
import { verifyModule } from './verify.ts';

const mod = (funcs: Func[]): Module => ({ name: 't', sourceFile: 't.rs', funcs, statics: [], externs: [], panicSymbol: 'panic' });

/** fn sum(n: u64) -> u64 { let mut s = 0; let mut i = 0; while i < n { check i < 100; s += i; i += 1 } s } */
function sumLoop(): Func {
  const f = new FuncBuilder('sum', ['u64'], 'u64');
  const s = f.value('u64'); const i = f.value('u64');
  f.assign(s, c('u64', 0)).assign(i, c('u64', 0));
  f.terminate({ op: 'goto', target: 'head' });
  f.block('head');
  f.terminate({ op: 'branch', cond: f.compare('lt', v(i), f.param(0)), then: 'body', else: 'exit' });
  f.block('body');
  f.terminate({ op: 'branch', cond: f.compare('lt', v(i), c('u64', 100)), then: 'ok', else: 'fail' });
  f.block('fail');
  f.terminate({ op: 'panic', message: 'index out of bounds', file: 't.rs', line: 1, col: 1 });
  f.block('ok');
  f.assign(s, f.binary('add', 'u64', v(s), v(i)));
  f.assign(i, f.binary('add', 'u64', v(i), c('u64', 1)));
  f.terminate({ op: 'goto', target: 'head' });
  f.block('exit');
  f.terminate({ op: 'return', value: v(s) });
  return f.build();
}

describe('loop rotation and block order', () => {
  it('copies the loop test into the entry and the latch, so the header disappears', () => {
    const rotated = rotateLoops(sumLoop());
    expect(rotated.blocks.map((b) => b.label)).not.toContain('head');
    const latch = rotated.blocks.find((b) => b.label === 'ok')!;
    expect(latch.terminator).toMatchObject({ op: 'branch', then: 'body', else: 'exit' });
    expect(() => verifyModule(mod([rotated]))).not.toThrow();
  });
  it('puts blocks that can only panic last and keeps results', () => {
    const before = sumLoop();
    const ordered = orderBlocks(before);
    expect(ordered.blocks[ordered.blocks.length - 1]!.label).toBe('fail');
    expect(ordered.blocks[0]!.label).toBe('entry');
    const after = optimizeFunc(before);
    expect(after.blocks[after.blocks.length - 1]!.terminator.op).toBe('panic');
    for (const n of [0n, 1n, 7n, 100n]) expect(new Interpreter(mod([after])).call('sum', [n])).toBe(new Interpreter(mod([before])).call('sum', [n]));
    expect(() => new Interpreter(mod([after])).call('sum', [101n])).toThrow(/index out of bounds/);
  });
});
