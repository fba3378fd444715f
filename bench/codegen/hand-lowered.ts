// Two of bench/kernels/ (sieve.rs and bubble.rs) lowered to IR by hand, the way lowering of the
// learner's Rust does it, for as long as the compiler's driver cannot compile them from source:
// every `let mut` one re-assigned value, every expression its own temporary and a copy into
// the variable, arrays in stack slots reached with slotAddr + ptrAdd, a bounds check (compare,
// branch to a panic) before every index, `for` over a range as a counter and over
// `iter().enumerate()` as a pointer pair, arrays passed as pointers. Debug: checked arithmetic
// with rustc's panic messages; release: wrapping. What the optimiser and the selector make of
// this is what they will make of lowered code.
import { FuncBuilder } from '../../src/rustc/ir/builder.ts';
import { c, v, type BinaryOp, type Func, type Module, type Operand, type ScalarType } from '../../src/rustc/ir/types.ts';

const OVERFLOW: Record<string, string> = { add: 'attempt to add with overflow', sub: 'attempt to subtract with overflow', mul: 'attempt to multiply with overflow' };

class Lowering {
  private sites = 0;
  constructor(readonly f: FuncBuilder, readonly debug: boolean, readonly file: string) {}

  /** `a op b` as Rust's operator: checked with a panic in debug, wrapping in release. */
  arith(kind: 'add' | 'sub' | 'mul', t: ScalarType, a: Operand, b: Operand, line: number): Operand {
    if (!this.debug) return this.f.binary(kind, t, a, b);
    const { result, overflow } = this.f.checked(kind, t, a, b);
    this.panicIf(overflow, OVERFLOW[kind]!, line);
    return result;
  }

  wrapping(kind: BinaryOp, t: ScalarType, a: Operand, b: Operand): Operand {
    return this.f.binary(kind, t, a, b);
  }

  /** Continues in a fresh block when `cond` is false; panics otherwise. */
  panicIf(cond: Operand, message: string, line: number): void {
    const n = this.sites++;
    this.f.terminate({ op: 'branch', cond, then: `panic${n}`, else: `ok${n}` });
    this.f.block(`panic${n}`);
    this.f.terminate({ op: 'panic', message, file: this.file, line, col: 9 });
    this.f.block(`ok${n}`);
  }

  /** &base[index] of an array of `len` elements of `size` bytes, after the bounds check. */
  element(base: () => Operand, index: Operand, len: number, size: number, line: number): Operand {
    const n = this.sites++;
    this.f.terminate({ op: 'branch', cond: this.f.compare('lt', index, c('usize', len)), then: `inb${n}`, else: `oob${n}` });
    this.f.block(`oob${n}`);
    this.f.terminate({ op: 'panic', message: 'index out of bounds', file: this.file, line, col: 9 });
    this.f.block(`inb${n}`);
    return this.f.ptrAdd(base(), 0, index, size);
  }

  assign(dst: number, value: Operand): void {
    this.f.assign(dst, value);
  }

  goto(target: string): void {
    this.f.terminate({ op: 'goto', target });
  }

  branch(cond: Operand, then: string, otherwise: string): void {
    this.f.terminate({ op: 'branch', cond, then, else: otherwise });
  }
}

/** _start: `for r in 0..bench_rounds() { result = result * 31 + round(r) }; bench_exit(result)`. */
function start(debug: boolean, file: string, round: (l: Lowering, r: Operand) => Operand): Func {
  const f = new FuncBuilder('_start', [], 'never', true);
  const l = new Lowering(f, debug, file);
  const rounds = f.call('bench_rounds', [], 'u32')!;
  const result = f.value('u64'); const cur = f.value('u32'); const r = f.value('u32');
  l.assign(result, c('u64', 0));
  l.assign(cur, c('u32', 0));
  l.goto('head');
  f.block('head');
  l.branch(f.compare('lt', v(cur), rounds), 'body', 'exit');
  f.block('body');
  l.assign(r, v(cur));
  l.assign(cur, f.binary('add', 'u32', v(cur), c('u32', 1)));
  const x = round(l, v(r));
  l.assign(result, l.wrapping('add', 'u64', l.wrapping('mul', 'u64', v(result), c('u64', 31)), x));
  l.goto('head');
  f.block('exit');
  f.call('bench_exit', [v(result)], 'never');
  f.terminate({ op: 'unreachable' });
  return f.build();
}

function panicImpl(): Func {
  const f = new FuncBuilder('bench_panic', ['ptr', 'usize', 'ptr'], 'never');
  f.terminate({ op: 'goto', target: 'spin' });
  f.block('spin');
  f.terminate({ op: 'goto', target: 'spin' });
  return f.build();
}

const EXTERNS: Module['externs'] = [
  { name: 'bench_rounds', params: [], ret: 'u32' },
  { name: 'bench_exit', params: ['u64'], ret: 'never' },
  { name: 'memset', params: ['ptr', 'i32', 'usize'], ret: 'ptr' },
];

const N = 4096;

function countPrimes(debug: boolean): Func {
  const file = 'sieve.rs';
  const f = new FuncBuilder('count_primes', ['usize'], 'u64');
  const l = new Lowering(f, debug, file);
  const limit = f.param(0);
  const composite = f.slot('composite', N, 1);
  f.call('memset', [f.slotAddr(composite), c('i32', 0), c('usize', N)], 'ptr');
  const i = f.value('usize');
  l.assign(i, c('usize', 2));
  l.goto('wh');
  f.block('wh');
  l.branch(f.compare('lt', l.arith('mul', 'usize', v(i), v(i), 22), limit), 'wb', 'wx');
  f.block('wb');
  const ci = f.load('u8', l.element(() => f.slotAddr(composite), v(i), N, 1, 23));
  l.branch(f.compare('eq', ci, c('u8', 0)), 'then', 'endif');
  f.block('then');
  const j = f.value('usize');
  l.assign(j, l.arith('mul', 'usize', v(i), v(i), 24));
  l.goto('jh');
  f.block('jh');
  l.branch(f.compare('lt', v(j), limit), 'jb', 'endif');
  f.block('jb');
  f.store(l.element(() => f.slotAddr(composite), v(j), N, 1, 26), c('u8', 1));
  l.assign(j, l.arith('add', 'usize', v(j), v(i), 27));
  l.goto('jh');
  f.block('endif');
  l.assign(i, l.arith('add', 'usize', v(i), c('usize', 1), 30));
  l.goto('wh');
  f.block('wx');
  // for (k, &c) in composite.iter().enumerate()
  const count = f.value('u64'); const ptr = f.value('ptr'); const end = f.value('ptr'); const k = f.value('usize');
  l.assign(count, c('u64', 0));
  l.assign(ptr, f.slotAddr(composite));
  l.assign(end, f.ptrAdd(v(ptr), N));
  l.assign(k, c('usize', 0));
  l.goto('fh');
  f.block('fh');
  l.branch(f.compare('eq', v(ptr), v(end)), 'fx', 'fb');
  f.block('fb');
  const item = f.copy('ptr', v(ptr));
  l.assign(ptr, f.ptrAdd(v(ptr), 1));
  const kk = f.copy('usize', v(k));
  l.assign(k, f.binary('add', 'usize', v(k), c('usize', 1)));
  const cc = f.load('u8', item);
  l.branch(f.compare('ge', kk, c('usize', 2)), 'c2', 'fh');
  f.block('c2');
  l.branch(f.compare('lt', kk, limit), 'c3', 'fh');
  f.block('c3');
  l.branch(f.compare('eq', cc, c('u8', 0)), 'inc', 'fh');
  f.block('inc');
  l.assign(count, l.arith('add', 'u64', v(count), c('u64', 1), 36));
  l.goto('fh');
  f.block('fx');
  f.terminate({ op: 'return', value: v(count) });
  return f.build();
}

export function sieveModule(debug: boolean): Module {
  const main = start(debug, 'sieve.rs', (l, r) => {
    const f = l.f;
    const m = f.binary('rem', 'usize', f.cast('usize', r), c('usize', 64));
    const limit = l.arith('sub', 'usize', c('usize', N), m, 46);
    return f.call('count_primes', [limit], 'u64')!;
  });
  return { name: 'sieve', sourceFile: 'sieve.rs', funcs: [countPrimes(debug), main, panicImpl()], statics: [], externs: EXTERNS, panicSymbol: 'bench_panic' };
}

const LEN = 96;

function fill(debug: boolean): Func {
  const f = new FuncBuilder('fill', ['ptr', 'u32'], 'unit');
  const l = new Lowering(f, debug, 'bubble.rs');
  const x = f.value('u32'); const cur = f.value('usize'); const i = f.value('usize');
  l.assign(x, f.param(1));
  l.assign(cur, c('usize', 0));
  l.goto('head');
  f.block('head');
  l.branch(f.compare('lt', v(cur), c('usize', LEN)), 'body', 'exit');
  f.block('body');
  l.assign(i, v(cur));
  l.assign(cur, f.binary('add', 'usize', v(cur), c('usize', 1)));
  l.assign(x, l.wrapping('add', 'u32', l.wrapping('mul', 'u32', v(x), c('u32', 1664525)), c('u32', 1013904223)));
  const e = l.element(() => f.param(0), v(i), LEN, 4, 23);
  f.store(e, f.binary('shr', 'u32', v(x), c('u32', 8)));
  l.goto('head');
  f.block('exit');
  f.terminate({ op: 'return' });
  return f.build();
}

function sort(debug: boolean): Func {
  const f = new FuncBuilder('sort', ['ptr'], 'unit');
  const l = new Lowering(f, debug, 'bubble.rs');
  const a = () => f.param(0);
  const n = f.value('usize'); const i = f.value('usize');
  l.assign(n, c('usize', LEN));
  l.goto('oh');
  f.block('oh');
  l.branch(f.compare('gt', v(n), c('usize', 1)), 'ob', 'ox');
  f.block('ob');
  l.assign(i, c('usize', 1));
  l.goto('ih');
  f.block('ih');
  l.branch(f.compare('lt', v(i), v(n)), 'ib', 'ix');
  f.block('ib');
  const left = f.load('u32', l.element(a, l.arith('sub', 'usize', v(i), c('usize', 1), 32), LEN, 4, 32));
  const right = f.load('u32', l.element(a, v(i), LEN, 4, 32));
  l.branch(f.compare('gt', left, right), 'swap', 'next');
  f.block('swap');
  const t = f.load('u32', l.element(a, l.arith('sub', 'usize', v(i), c('usize', 1), 33), LEN, 4, 33));
  const ai = f.load('u32', l.element(a, v(i), LEN, 4, 34));
  f.store(l.element(a, l.arith('sub', 'usize', v(i), c('usize', 1), 34), LEN, 4, 34), ai);
  f.store(l.element(a, v(i), LEN, 4, 35), t);
  l.goto('next');
  f.block('next');
  l.assign(i, l.arith('add', 'usize', v(i), c('usize', 1), 37));
  l.goto('ih');
  f.block('ix');
  l.assign(n, l.arith('sub', 'usize', v(n), c('usize', 1), 39));
  l.goto('oh');
  f.block('ox');
  f.terminate({ op: 'return' });
  return f.build();
}

function checksum(debug: boolean): Func {
  const f = new FuncBuilder('checksum', ['ptr'], 'u64');
  const l = new Lowering(f, debug, 'bubble.rs');
  const sum = f.value('u64'); const cur = f.value('usize'); const i = f.value('usize');
  l.assign(sum, c('u64', 0));
  l.assign(cur, c('usize', 0));
  l.goto('head');
  f.block('head');
  l.branch(f.compare('lt', v(cur), c('usize', LEN)), 'body', 'exit');
  f.block('body');
  l.assign(i, v(cur));
  l.assign(cur, f.binary('add', 'usize', v(cur), c('usize', 1)));
  const x = f.cast('u64', f.load('u32', l.element(() => f.param(0), v(i), LEN, 4, 46)));
  const w = l.arith('add', 'u64', f.cast('u64', v(i)), c('u64', 1), 46);
  l.assign(sum, l.wrapping('add', 'u64', v(sum), l.wrapping('mul', 'u64', x, w)));
  l.goto('head');
  f.block('exit');
  f.terminate({ op: 'return', value: v(sum) });
  return f.build();
}

export function bubbleModule(debug: boolean): Module {
  let slot = -1;
  const main = start(debug, 'bubble.rs', (l, r) => {
    const f = l.f;
    if (slot < 0) slot = f.slot('a', LEN * 4, 4);
    f.call('fill', [f.slotAddr(slot), r], 'unit');
    f.call('sort', [f.slotAddr(slot)], 'unit');
    return f.call('checksum', [f.slotAddr(slot)], 'u64')!;
  });
  return { name: 'bubble', sourceFile: 'bubble.rs', funcs: [fill(debug), sort(debug), checksum(debug), main, panicImpl()], statics: [], externs: EXTERNS, panicSymbol: 'bench_panic' };
}

/** Hand-lowered modules by kernel name. */
export const HAND_LOWERED: Record<string, (debug: boolean) => Module> = { sieve: sieveModule, bubble: bubbleModule };
