// The IR's own pieces: the verifier rejects malformed IR with a clear message, the printer's
// text, layouts, the interpreter's arithmetic against BigInt definitions, and the optimiser
// keeping behaviour while removing work.
import { describe, expect, it } from 'vitest';
import { FuncBuilder } from './builder.ts';
import { Exit, Interpreter, Panic } from './interpret.ts';
import { layoutOf } from './layout.ts';
import { optimizeFunc } from './optimize.ts';
import { printFunc } from './print.ts';
import { c, v, type Func, type Module } from './types.ts';
import { IrError, verifyModule } from './verify.ts';

const mod = (funcs: Func[]): Module => ({ name: 't', sourceFile: 't.rs', funcs, statics: [], externs: [], panicSymbol: 'panic' });

function addOne(): Func {
  const f = new FuncBuilder('add_one', ['u32'], 'u32', true);
  f.terminate({ op: 'return', value: f.binary('add', 'u32', f.param(0), c('u32', 1)) });
  return f.build();
}

describe('verifier', () => {
  it('accepts well-formed IR', () => {
    expect(() => verifyModule(mod([addOne()]))).not.toThrow();
  });
  it('names the function, block and problem for type errors', () => {
    const f = new FuncBuilder('bad', ['u32'], 'u32');
    f.terminate({ op: 'return', value: f.binary('add', 'u32', f.param(0), c('u64', 1)) });
    expect(() => verifyModule(mod([f.build()]))).toThrow(IrError);
    expect(() => verifyModule(mod([f.build()]))).toThrow(/in fn bad, entry\[0\] binary: right operand is u64, expected u32/);
  });
  it('rejects unknown blocks, callees, wrong arity and wrong return types', () => {
    const g = new FuncBuilder('g', [], 'unit');
    g.terminate({ op: 'goto', target: 'nowhere' });
    expect(() => verifyModule(mod([g.build()]))).toThrow(/unknown block nowhere/);
    const h = new FuncBuilder('h', [], 'u32');
    h.call('add_one', [], 'u32');
    h.terminate({ op: 'return', value: c('u32', 0) });
    expect(() => verifyModule(mod([addOne(), h.build()]))).toThrow(/add_one takes 1 arguments, given 0/);
    const k = new FuncBuilder('k', [], 'u32');
    k.terminate({ op: 'return', value: c('bool', 1) });
    expect(() => verifyModule(mod([k.build()]))).toThrow(/must return u32/);
    const n = new FuncBuilder('n', [], 'never');
    n.terminate({ op: 'return' });
    expect(() => verifyModule(mod([n.build()]))).toThrow(/`-> !` function returns/);
  });
  it('rejects casts Rust does not allow (u32 as char)', () => {
    const f = new FuncBuilder('ch', ['u32'], 'char');
    f.terminate({ op: 'return', value: f.cast('char', f.param(0)) });
    expect(() => verifyModule(mod([f.build()]))).toThrow(/no cast from u32 to char/);
  });
});

describe('printer', () => {
  it('prints functions readably', () => {
    expect(printFunc(addOne())).toBe('fn add_one(v0: u32) -> u32 global {\nentry:\n  v1: u32 = add v0, 1_u32\n  return v1\n}');
  });
});

describe('layout', () => {
  const s = (t: 'u8' | 'u16' | 'u32' | 'u64' | 'u128') => ({ kind: 'scalar' as const, type: t });
  it('repr(C) keeps declaration order with padding', () => {
    expect(layoutOf({ kind: 'struct', repr: 'C', fields: [s('u8'), s('u32'), s('u16')] })).toMatchObject({ size: 12, align: 4, offsets: [0, 4, 8] });
  });
  it('repr(Rust) puts the most aligned fields first', () => {
    expect(layoutOf({ kind: 'struct', repr: 'Rust', fields: [s('u8'), s('u32'), s('u16')] })).toMatchObject({ size: 8, align: 4, offsets: [6, 0, 4] });
    expect(layoutOf({ kind: 'tuple', fields: [s('u8'), s('u128'), s('u16')] })).toMatchObject({ size: 32, align: 16, offsets: [16, 0, 18] });
  });
  it('arrays are element size times length', () => {
    expect(layoutOf({ kind: 'array', element: { kind: 'struct', repr: 'C', fields: [s('u16'), s('u8')] }, length: 5 })).toEqual({ size: 20, align: 2, offsets: [] });
  });
});

describe('interpreter', () => {
  it('wraps, checks and shifts as Rust does', () => {
    const f = new FuncBuilder('ops', ['i8', 'i8'], 'i8');
    const r = f.checked('mul', 'i8', f.param(0), f.param(1));
    const shifted = f.binary('shr', 'i8', r.result, c('u32', 9)); // 9 & 7 = 1, arithmetic
    f.terminate({ op: 'branch', cond: r.overflow, then: 'o', else: 'n' });
    f.block('o'); f.terminate({ op: 'return', value: shifted });
    f.block('n'); f.terminate({ op: 'panic', message: 'no overflow', file: 'x.rs', line: 1, col: 2 });
    const it = new Interpreter(mod([f.build()]));
    // -128 * 3 = -384 → wraps to -128 (0x80), overflow; -128 >> 1 = -64
    expect(it.call('ops', [-128n, 3n])).toBe(-64n);
    expect(() => it.call('ops', [2n, 3n])).toThrow(Panic);
  });
  it('reports port 0xf4 as an exit', () => {
    const f = new FuncBuilder('_start', [], 'never');
    f.emit({ op: 'out', port: c('u16', 0xf4), value: c('u32', 0x31) });
    expect(() => new Interpreter(mod([f.build()])).call('_start', [])).toThrow(Exit);
  });
});

describe('optimizer', () => {
  it('folds constants and branches and drops dead code, keeping the result', () => {
    const f = new FuncBuilder('folded', ['u32'], 'u32');
    const k = f.binary('mul', 'u32', c('u32', 6), c('u32', 7));
    f.binary('add', 'u32', f.param(0), c('u32', 99)); // dead
    f.terminate({ op: 'branch', cond: f.compare('eq', k, c('u32', 42)), then: 'yes', else: 'no' });
    f.block('yes'); f.terminate({ op: 'return', value: f.binary('add', 'u32', f.param(0), k) });
    f.block('no'); f.terminate({ op: 'return', value: c('u32', 0) });
    const before = f.build();
    const after = optimizeFunc(before);
    expect(printFunc(after)).toBe('fn folded(v0: u32) -> u32 {\nentry:\n  v4: u32 = add v0, 42_u32\n  return v4\n}');
    for (const x of [0n, 5n, 0xffffffffn]) expect(new Interpreter(mod([after])).call('folded', [x])).toBe(new Interpreter(mod([before])).call('folded', [x]));
  });
  it('keeps volatile loads, stores and calls', () => {
    const f = new FuncBuilder('effects', ['ptr'], 'unit');
    f.load('u8', f.param(0), true);
    f.store(f.param(0), c('u8', 1), true);
    f.terminate({ op: 'return' });
    expect(optimizeFunc(f.build()).blocks[0]!.insts.map((i) => i.op)).toEqual(['load', 'store']);
  });
  it('reads of a value assigned twice are not propagated', () => {
    const f = new FuncBuilder('twice', ['bool'], 'u8');
    const x = f.value('u8');
    f.assign(x, c('u8', 1));
    f.terminate({ op: 'branch', cond: f.param(0), then: 'set', else: 'end' });
    f.block('set'); f.assign(x, c('u8', 2)); f.terminate({ op: 'goto', target: 'end' });
    f.block('end'); f.terminate({ op: 'return', value: v(x) });
    const opt = optimizeFunc(f.build());
    expect(new Interpreter(mod([opt])).call('twice', [1n])).toBe(2n);
    expect(new Interpreter(mod([opt])).call('twice', [0n])).toBe(1n);
  });
});

describe('verifier limits of the back end', () => {
  it('refuses stack slots aligned above 16 and 128-bit parameters beyond the registers', () => {
    const f = new FuncBuilder('page', [], 'unit');
    f.slot('table', 4096, 4096);
    f.terminate({ op: 'return' });
    expect(() => verifyModule(mod([f.build()]))).toThrow(/slot 0: alignment 4096/);
    const g = new FuncBuilder('many', ['u8', 'u8', 'u8', 'u8', 'u8', 'u128'], 'unit');
    g.terminate({ op: 'return' });
    expect(() => verifyModule(mod([g.build()]))).toThrow(/128-bit parameters on the stack are not supported yet/);
  });
});
