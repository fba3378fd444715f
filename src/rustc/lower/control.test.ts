// Control flow lowered from hand-built THIR and run in the IR interpreter (debug and release):
// if/else, loop with break values and continue, while, for over every iterator shape, match.
import { describe, expect, it } from 'vitest';
import type { Expr } from '../thir/thir.ts';
import { B, Body, E, enumDef, fn, P, runBoth, S, T } from './test-thir.ts';

const U32 = T.i('u32');
const u32 = (n: number | bigint) => E.int(U32, n);

/** fn f(params) -> u32 { let mut acc = 0; for pat in iter { acc = acc.wrapping_mul(31).wrapping_add(item) } acc } */
function sumFor(build: (body: Body, acc: Expr) => { iter: Expr; pat: import('../thir/thir.ts').Pat; item: Expr; params?: import('../thir/defs.ts').LocalDef[]; pre?: import('../thir/thir.ts').Stmt[] }) {
  const body = new Body();
  const acc = body.local('acc', U32);
  const loop = body.loop();
  const { iter, pat, item, params = [], pre = [] } = build(body, E.local(acc));
  // Wrapping (the builtins behind u32::wrapping_mul/add), so long folds do not overflow-panic.
  const update = E.assign(E.local(acc), E.builtin('int.wrapping_add', U32, [E.builtin('int.wrapping_mul', U32, [E.local(acc), u32(31)]), item]));
  return fn('f', params, U32, body, B([...pre, S.let(P.bind(acc), u32(0)), S.expr(E.for(loop, pat, iter, B([S.expr(update)])))], E.local(acc)));
}

const fold = (items: number[]) => items.reduce((a, x) => (a * 31 + x) >>> 0, 0);

describe('if, loop, while', () => {
  it('if/else as an expression and without else', () => {
    const body = new Body();
    const a = body.local('a', U32);
    const x = body.local('x', U32);
    const f = fn('f', [a], U32, body, B([
      S.let(P.bind(x), E.if(E.bin('lt', E.local(a), u32(10)), E.block([], u32(1)), E.block([], u32(2)))),
      S.expr(E.if(E.bin('eq', E.local(a), u32(0)), E.block([S.expr(E.assign(E.local(x), u32(7)))]))),
    ], E.local(x)));
    expect(runBoth([f], 'f', [3n])).toEqual({ value: 1n });
    expect(runBoth([f], 'f', [30n])).toEqual({ value: 2n });
    expect(runBoth([f], 'f', [0n])).toEqual({ value: 7n });
  });
  it('loop with continue and break-with-value', () => {
    const body = new Body();
    const i = body.local('i', U32);
    const s = body.local('s', U32);
    const l = body.loop();
    // let mut i = 0; let mut s = 0; loop { i += 1; if i % 2 == 0 { continue } s += i; if i > 8 { break s * 10 } }
    const f = fn('f', [], U32, body, B([S.let(P.bind(i), u32(0)), S.let(P.bind(s), u32(0))], E.loop(l, B([
      S.expr(E.assignOp('add', E.local(i), u32(1))),
      S.expr(E.if(E.bin('eq', E.bin('rem', E.local(i), u32(2)), u32(0)), E.block([S.expr(E.continue(l))]))),
      S.expr(E.assignOp('add', E.local(s), E.local(i))),
      S.expr(E.if(E.bin('gt', E.local(i), u32(8)), E.block([S.expr(E.break(l, E.bin('mul', E.local(s), u32(10))))]))),
    ]), U32)));
    expect(runBoth([f], 'f')).toEqual({ value: 250n });
  });
  it('while (desugared) and an early return', () => {
    const body = new Body();
    const n = body.local('n', U32);
    const steps = body.local('steps', U32);
    const l = body.loop();
    // collatz steps, returning 999 early when n hits 5
    const f = fn('f', [n], U32, body, B([
      S.let(P.bind(steps), u32(0)),
      S.expr(E.while(l, E.bin('ne', E.local(n), u32(1)), B([
        S.expr(E.if(E.bin('eq', E.local(n), u32(5)), E.block([S.expr(E.return(u32(999)))]))),
        S.expr(E.assign(E.local(n), E.if(E.bin('eq', E.bin('rem', E.local(n), u32(2)), u32(0)), E.bin('div', E.local(n), u32(2)), E.bin('add', E.bin('mul', E.local(n), u32(3)), u32(1))))),
        S.expr(E.assignOp('add', E.local(steps), u32(1))),
      ]))),
    ], E.local(steps)));
    expect(runBoth([f], 'f', [8n])).toEqual({ value: 3n });
    expect(runBoth([f], 'f', [3n])).toEqual({ value: 999n });
  });
});

describe('for loops over every iterator shape', () => {
  it('ranges, inclusive ranges up to MAX, and rev', () => {
    const f = sumFor((body) => { const i = body.local('i', U32); return { iter: E.range(u32(3), u32(7)), pat: P.bind(i), item: E.local(i) }; });
    expect(runBoth([f], 'f')).toEqual({ value: BigInt(fold([3, 4, 5, 6])) });
    const g = sumFor((body) => { const i = body.local('i', T.i('u8')); return { iter: E.range(E.int(T.i('u8'), 250), E.int(T.i('u8'), 255), true), pat: P.bind(i), item: E.cast(E.local(i), U32) }; });
    expect(runBoth([g], 'f')).toEqual({ value: BigInt(fold([250, 251, 252, 253, 254, 255])) });
    const h = sumFor((body) => {
      const i = body.local('i', T.i('u8'));
      const r = E.range(E.int(T.i('u8'), 252), E.int(T.i('u8'), 255), true);
      return { iter: E.builtin('iter.rev', T.iter({ kind: 'rev', inner: r.ty }), [r]), pat: P.bind(i), item: E.cast(E.local(i), U32) };
    });
    expect(runBoth([h], 'f')).toEqual({ value: BigInt(fold([255, 254, 253, 252])) });
    const k = sumFor((body) => {
      const i = body.local('i', U32);
      const r = E.range(u32(0), u32(5));
      return { iter: E.builtin('iter.rev', T.iter({ kind: 'rev', inner: r.ty }), [r]), pat: P.bind(i), item: E.local(i) };
    });
    expect(runBoth([k], 'f')).toEqual({ value: BigInt(fold([4, 3, 2, 1, 0])) });
  });
  it('a range held in a local, and an inclusive range ending at MAX through memory', () => {
    const f = sumFor((body) => {
      const r = body.local('r', T.range(T.i('u8'), true));
      const i = body.local('i', T.i('u8'));
      return { pre: [S.let(P.bind(r), E.range(E.int(T.i('u8'), 253), E.int(T.i('u8'), 255), true))], iter: E.local(r), pat: P.bind(i), item: E.cast(E.local(i), U32) };
    });
    expect(runBoth([f], 'f')).toEqual({ value: BigInt(fold([253, 254, 255])) });
  });
  it('slice iter (by reference), enumerate, step_by', () => {
    const arr = () => E.array(U32, u32(10), u32(20), u32(30), u32(40), u32(50));
    const f = sumFor((body) => {
      const a = body.local('a', T.array(U32, 5));
      const x = body.local('x', T.ref(U32));
      const sl = E.unsize(E.ref(E.local(a)));
      return { pre: [S.let(P.bind(a), arr())], iter: E.builtin('slice.iter', T.iter({ kind: 'sliceIter', elem: U32, mut: false }), [sl]), pat: P.bind(x), item: E.deref(E.local(x)) };
    });
    expect(runBoth([f], 'f')).toEqual({ value: BigInt(fold([10, 20, 30, 40, 50])) });
    const g = sumFor((body) => {
      const a = body.local('a', T.array(U32, 5));
      const i = body.local('i', T.i('usize'));
      const x = body.local('x', U32);
      const it = E.builtin('slice.iter', T.iter({ kind: 'sliceIter', elem: U32, mut: false }), [E.unsize(E.ref(E.local(a)))]);
      const en = E.builtin('iter.enumerate', T.iter({ kind: 'enumerate', inner: it.ty }), [it]);
      return { pre: [S.let(P.bind(a), arr())], iter: en, pat: P.tuple(T.tuple(T.i('usize'), T.ref(U32)), P.bind(i), P.deref(T.ref(U32), P.bind(x))), item: E.bin('add', E.cast(E.local(i), U32), E.local(x)) };
    });
    expect(runBoth([g], 'f')).toEqual({ value: BigInt(fold([10, 21, 32, 43, 54])) });
    const h = sumFor((body) => {
      const i = body.local('i', U32);
      const r = E.range(u32(0), u32(10));
      return { iter: E.builtin('iter.step_by', T.iter({ kind: 'stepBy', inner: r.ty }), [r, E.int(T.i('usize'), 3)]), pat: P.bind(i), item: E.local(i) };
    });
    expect(runBoth([h], 'f')).toEqual({ value: BigInt(fold([0, 3, 6, 9])) });
  });
  it('an enumerate item bound whole (its tuple made in memory) and reversed slice/byte iterators', () => {
    const f = sumFor((body) => {
      const a = body.local('a', T.array(U32, 3));
      const t = body.local('t', T.tuple(T.i('usize'), T.ref(U32)));
      const it = E.builtin('slice.iter', T.iter({ kind: 'sliceIter', elem: U32, mut: false }), [E.unsize(E.ref(E.local(a)))]);
      const en = E.builtin('iter.enumerate', T.iter({ kind: 'enumerate', inner: it.ty }), [it]);
      return { pre: [S.let(P.bind(a), E.array(U32, u32(7), u32(8), u32(9)))], iter: en, pat: P.bind(t), item: E.bin('add', E.cast(E.field(E.local(t), 0), U32), E.deref(E.field(E.local(t), 1))) };
    });
    expect(runBoth([f], 'f')).toEqual({ value: BigInt(fold([7, 9, 11])) });
    const g = sumFor((body) => {
      const b = body.local('b', T.i('u8'));
      const it = E.builtin('str.bytes', T.iter({ kind: 'bytes' }), [E.str('abc')]);
      return { iter: E.builtin('iter.rev', T.iter({ kind: 'rev', inner: it.ty }), [it]), pat: P.bind(b), item: E.cast(E.local(b), U32) };
    });
    expect(runBoth([g], 'f')).toEqual({ value: BigInt(fold([99, 98, 97])) });
  });
  it('str bytes, chars (UTF-8 decoded) and chars().rev()', () => {
    const text = 'aé€😀z';
    const f = sumFor((body) => {
      const b = body.local('b', T.i('u8'));
      return { iter: E.builtin('str.bytes', T.iter({ kind: 'bytes' }), [E.str(text)]), pat: P.bind(b), item: E.cast(E.local(b), U32) };
    });
    expect(runBoth([f], 'f')).toEqual({ value: BigInt(fold([...new TextEncoder().encode(text)])) });
    const g = sumFor((body) => {
      const ch = body.local('ch', T.char);
      return { iter: E.builtin('str.chars', T.iter({ kind: 'chars' }), [E.str(text)]), pat: P.bind(ch), item: E.cast(E.local(ch), U32) };
    });
    expect(runBoth([g], 'f')).toEqual({ value: BigInt(fold([...text].map((c) => c.codePointAt(0)!))) });
    const h = sumFor((body) => {
      const ch = body.local('ch', T.char);
      const it = E.builtin('str.chars', T.iter({ kind: 'chars' }), [E.str(text)]);
      return { iter: E.builtin('iter.rev', T.iter({ kind: 'rev', inner: it.ty }), [it]), pat: P.bind(ch), item: E.cast(E.local(ch), U32) };
    });
    expect(runBoth([h], 'f')).toEqual({ value: BigInt(fold([...text].reverse().map((c) => c.codePointAt(0)!))) });
  });
  it('iter_mut writes through the items', () => {
    const body = new Body();
    const a = body.local('a', T.array(U32, 3));
    const x = body.local('x', T.ref(U32, true));
    const l = body.loop();
    const it = E.builtin('slice.iter_mut', T.iter({ kind: 'sliceIter', elem: U32, mut: true }), [E.unsize(E.ref(E.local(a), true))]);
    const f = fn('f', [], U32, body, B([
      S.let(P.bind(a), E.array(U32, u32(1), u32(2), u32(3))),
      S.expr(E.for(l, P.bind(x), it, B([S.expr(E.assignOp('mul', E.deref(E.local(x)), u32(10)))]))),
    ], E.bin('add', E.bin('add', E.index(E.local(a), E.int(T.i('usize'), 0)), E.index(E.local(a), E.int(T.i('usize'), 1))), E.index(E.local(a), E.int(T.i('usize'), 2)))));
    expect(runBoth([f], 'f')).toEqual({ value: 60n });
  });
});

describe('match', () => {
  const Color = enumDef('Color', [['Red', 0n], ['Green', 1n], ['Blue', 7n]], 'u8');
  it('integers, ranges, or-patterns, bindings and guards', () => {
    const body = new Body();
    const a = body.local('a', T.i('i32'));
    const n = body.local('n', T.i('i32'));
    const I = T.i('i32');
    const f = fn('f', [a], I, body, B([], E.match(E.local(a), [
      { pat: P.int(I, 0), body: E.int(I, 100) },
      { pat: P.or(I, P.int(I, 1), P.int(I, 2)), body: E.int(I, 200) },
      { pat: P.range(I, -10, -1), body: E.int(I, 300) },
      { pat: P.bind(n), guard: E.bin('gt', E.local(n), E.int(I, 50)), body: E.bin('add', E.local(n), E.int(I, 1)) },
      { pat: P.wild(I), body: E.int(I, 400) },
    ], I)));
    expect([0n, 2n, -5n, 60n, 20n, -11n].map((x) => runBoth([f], 'f', [x]))).toEqual([100n, 200n, 300n, 61n, 400n, 400n].map((value) => ({ value })));
  });
  it('switches on enum variants and bool, with a catch-all', () => {
    const body = new Body();
    const c = body.local('c', T.adt(Color));
    const f = fn('f', [c], U32, body, B([], E.match(E.local(c), [
      { pat: P.variant(Color, 2), body: u32(3) },
      { pat: P.variant(Color, 0), body: u32(1) },
      { pat: P.wild(T.adt(Color)), body: u32(9) },
    ], U32)));
    expect([0n, 1n, 7n].map((x) => runBoth([f], 'f', [x]))).toEqual([1n, 9n, 3n].map((value) => ({ value })));
    const b2 = new Body();
    const x = b2.local('x', T.bool);
    const g = fn('g', [x], U32, b2, B([], E.match(E.local(x), [{ pat: P.const(T.bool, { kind: 'scalar', value: 1n }), body: u32(1) }, { pat: P.const(T.bool, { kind: 'scalar', value: 0n }), body: u32(0) }], U32)));
    expect(runBoth([g], 'g', [1n])).toEqual({ value: 1n });
    expect(runBoth([g], 'g', [0n])).toEqual({ value: 0n });
  });
  it('tuple patterns with ref bindings and string constants', () => {
    const body = new Body();
    const a = body.local('a', U32);
    const t = body.local('t', T.tuple(U32, U32));
    const r = body.local('r', T.ref(U32, true));
    const TT = T.tuple(U32, U32);
    // let mut t = (a, 5); match t { (0, _) => 1, (x, ref mut r) => { *r += 1; t.1 } }
    const f = fn('f', [a], U32, body, B([S.let(P.bind(t), E.tuple(E.local(a), u32(5)))], E.match(E.local(t), [
      { pat: P.tuple(TT, P.int(U32, 0), P.wild(U32)), body: u32(1) },
      { pat: P.tuple(TT, P.wild(U32), P.bind(r, 'refMut')), body: E.block([S.expr(E.assignOp('add', E.deref(E.local(r)), u32(1)))], E.field(E.local(t), 1)) },
    ], U32)));
    expect(runBoth([f], 'f', [0n])).toEqual({ value: 1n });
    expect(runBoth([f], 'f', [4n])).toEqual({ value: 6n });
    const b2 = new Body();
    const s = b2.local('s', T.ref(T.str));
    const g = fn('g', [], U32, b2, B([S.let(P.bind(s), E.str('two'))], E.match(E.local(s), [
      { pat: P.const(T.ref(T.str), { kind: 'ref', to: { kind: 'bytes', bytes: new TextEncoder().encode('one') }, len: 3 }), body: u32(1) },
      { pat: P.const(T.ref(T.str), { kind: 'ref', to: { kind: 'bytes', bytes: new TextEncoder().encode('two') }, len: 3 }), body: u32(2) },
      { pat: P.wild(T.ref(T.str)), body: u32(0) },
    ], U32)));
    expect(runBoth([g], 'g')).toEqual({ value: 2n });
  });
});
