// Aggregates, places, calls and statics lowered from hand-built THIR and run in the IR
// interpreter: struct/tuple/array values and fields, bounds checks, slices and sub-slices,
// passing and returning aggregates and fat pointers, statics, promoted constants, large copies
// through memcpy/memset.
import { describe, expect, it } from 'vitest';
import type { StaticDef } from '../thir/defs.ts';
import { B, Body, E, fn, lowerForTest, P, run, runBoth, S, struct, T } from './test-thir.ts';

const U32 = T.i('u32');
const U8 = T.i('u8');
const USZ = T.i('usize');
const u32 = (n: number | bigint) => E.int(U32, n);
const usz = (n: number | bigint) => E.int(USZ, n);

describe('aggregates and places', () => {
  const Point = struct('Point', [['x', U8], ['y', U32], ['z', T.i('u16')]]);
  it('builds structs and tuples, reads and writes fields', () => {
    const body = new Body();
    const p = body.local('p', T.adt(Point));
    const t = body.local('t', T.tuple(U8, T.tuple(U32, T.bool)));
    const f = fn('f', [], U32, body, B([
      S.let(P.bind(p), E.struct(Point, E.int(U8, 1), u32(2), E.int(T.i('u16'), 3))),
      S.expr(E.assignOp('add', E.field(E.local(p), 1), u32(40))),
      S.let(P.bind(t), E.tuple(E.int(U8, 5), E.tuple(u32(6), E.bool(true)))),
    ], E.bin('add', E.bin('add', E.field(E.local(p), 1), E.cast(E.field(E.local(p), 0), U32)), E.field(E.field(E.local(t), 1), 0))));
    expect(runBoth([f], 'f')).toEqual({ value: 49n });
  });
  it('indexes arrays with a bounds check (rustc\'s message), in both builds', () => {
    const body = new Body();
    const i = body.local('i', USZ);
    const a = body.local('a', T.array(U32, 3));
    const f = fn('f', [i], U32, body, B([S.let(P.bind(a), E.array(U32, u32(7), u32(8), u32(9)))], E.index(E.local(a), E.local(i))));
    expect(runBoth([f], 'f', [2n])).toEqual({ value: 9n });
    for (const release of [false, true]) expect(run([f], 'f', [3n], release)).toEqual({ panic: 'index out of bounds: the len is 3 but the index is 3', at: 'src/main.rs:2:13' });
    const b2 = new Body();
    const a2 = b2.local('a', T.array(U32, 3));
    const g = fn('g', [], U32, b2, B([S.let(P.bind(a2), E.repeat(u32(1), 3))], E.index(E.local(a2), usz(5))));
    expect(run([g], 'g')).toMatchObject({ panic: 'index out of bounds: the len is 3 but the index is 5' });
  });
  it('slices: len, indexing through &[T], sub-slices with rustc\'s range checks', () => {
    const body = new Body();
    const lo = body.local('lo', USZ);
    const hi = body.local('hi', USZ);
    const a = body.local('a', T.array(U8, 6));
    const s = body.local('s', T.ref(T.slice(U8)));
    const sub = E.ref(E.slice(E.deref(E.local(s)), E.local(lo), E.local(hi)));
    const sub2 = body.local('sub', T.ref(T.slice(U8)));
    const f = fn('f', [lo, hi], U32, body, B([
      S.let(P.bind(a), E.array(U8, ...[1, 2, 3, 4, 5, 6].map((n) => E.int(U8, n)))),
      S.let(P.bind(s), E.unsize(E.ref(E.local(a)))),
      S.let(P.bind(sub2), sub),
    ], E.bin('add', E.bin('mul', E.cast(E.builtin('slice.len', USZ, [E.local(sub2)]), U32), u32(100)), E.cast(E.index(E.deref(E.local(sub2)), usz(0)), U32))));
    expect(runBoth([f], 'f', [2n, 5n])).toEqual({ value: 303n });
    expect(run([f], 'f', [4n, 2n])).toMatchObject({ panic: 'slice index starts at 4 but ends at 2' });
    expect(run([f], 'f', [1n, 7n])).toMatchObject({ panic: 'range end index 7 out of range for slice of length 6' });
    expect(run([f], 'f', [3n, 3n])).toMatchObject({ panic: 'index out of bounds: the len is 0 but the index is 0' });
  });
  it('str sub-slices check char boundaries', () => {
    const body = new Body();
    const lo = body.local('lo', USZ);
    const s = body.local('s', T.ref(T.str));
    const f = fn('f', [lo], USZ, body, B([S.let(P.bind(s), E.ref(E.slice(E.deref(E.str('aé!')), E.local(lo))))], E.builtin('str.len', USZ, [E.local(s)])));
    expect(runBoth([f], 'f', [1n])).toEqual({ value: 3n });
    expect(run([f], 'f', [2n])).toMatchObject({ panic: 'byte index {} is not a char boundary' });
    expect(runBoth([f], 'f', [4n])).toEqual({ value: 0n });
  });
  it('copies aggregates by value (a move leaves an independent copy)', () => {
    const body = new Body();
    const a = body.local('a', T.array(U32, 2));
    const b = body.local('b', T.array(U32, 2));
    const f = fn('f', [], U32, body, B([
      S.let(P.bind(a), E.array(U32, u32(1), u32(2))),
      S.let(P.bind(b), E.local(a)),
      S.expr(E.assign(E.index(E.local(a), usz(0)), u32(100))),
      S.expr(E.assign(E.local(a), E.array(U32, E.index(E.local(a), usz(1)), E.index(E.local(a), usz(0))))),
    ], E.bin('add', E.bin('mul', E.index(E.local(a), usz(0)), u32(1000)), E.bin('add', E.index(E.local(a), usz(1)), E.index(E.local(b), usz(0))))));
    expect(runBoth([f], 'f')).toEqual({ value: 2101n });
  });
  it('copies larger than 64 bytes and [0; N] zeroing go through memcpy and memset', () => {
    const body = new Body();
    const a = body.local('a', T.array(U8, 100));
    const b = body.local('b', T.array(U8, 100));
    const f = fn('f', [], U8, body, B([
      S.let(P.bind(a), E.repeat(E.int(U8, 0), 100)),
      S.expr(E.assign(E.index(E.local(a), usz(99)), E.int(U8, 42))),
      S.let(P.bind(b), E.local(a)),
    ], E.bin('add', E.index(E.local(b), usz(99)), E.index(E.local(b), usz(3)))));
    const m = lowerForTest([f]);
    expect(m.externs.map((e) => e.name).sort()).toEqual(['memcpy', 'memset']);
    expect(runBoth([f], 'f')).toEqual({ value: 42n });
    const b2 = new Body();
    const c = b2.local('c', T.array(U8, 64));
    const g = fn('g', [], U8, b2, B([S.let(P.bind(c), E.repeat(E.int(U8, 0), 64))], E.index(E.local(c), usz(63))));
    expect(lowerForTest([g]).externs).toEqual([]);
  });
});

describe('calls', () => {
  const Pair = struct('Pair', [['a', T.i('u64')], ['b', T.i('u64')], ['c', T.i('u64')]]);
  it('passes aggregates by pointer to a copy and returns them through an out-pointer', () => {
    // fn swap(p: Pair) -> Pair { Pair { a: p.b, b: p.a, c: p.c + 1 } }  fn f() -> u64 { let p = ..; let q = swap(p); p.a * 100 + q.a * 10 + q.c }
    const sb = new Body();
    const p = sb.local('p', T.adt(Pair));
    const swap = fn('swap', [p], T.adt(Pair), sb, B([], E.struct(Pair, E.field(E.local(p), 1), E.field(E.local(p), 0), E.bin('add', E.field(E.local(p), 2), E.int(T.i('u64'), 1)))), { noMangle: false, exported: false });
    const fb = new Body();
    const x = fb.local('x', T.adt(Pair));
    const q = fb.local('q', T.adt(Pair));
    const U64 = T.i('u64');
    const f = fn('f', [], U64, fb, B([
      S.let(P.bind(x), E.struct(Pair, E.int(U64, 1), E.int(U64, 2), E.int(U64, 3))),
      S.let(P.bind(q), E.call(swap, E.local(x))),
    ], E.bin('add', E.bin('add', E.bin('mul', E.field(E.local(x), 0), E.int(U64, 100)), E.bin('mul', E.field(E.local(q), 0), E.int(U64, 10))), E.field(E.local(q), 2))));
    expect(runBoth([swap, f], 'f')).toEqual({ value: 124n });
    const m = lowerForTest([swap, f]);
    expect(m.funcs.find((fn) => fn.name === 'swap')).toMatchObject({ params: ['ptr', 'ptr'], ret: 'unit' });
  });
  it('passes and returns fat pointers as (ptr, len)', () => {
    // fn tail(s: &str) -> &str { &s[1..] }   fn f() -> usize { tail(tail("hello")).len() }
    const tb = new Body();
    const s = tb.local('s', T.ref(T.str));
    const tail = fn('tail', [s], T.ref(T.str), tb, B([], E.ref(E.slice(E.deref(E.local(s)), usz(1)))));
    const fb = new Body();
    const f = fn('f', [], USZ, fb, B([], E.builtin('str.len', USZ, [E.call(tail, E.call(tail, E.str('hello')))])));
    expect(runBoth([tail, f], 'f')).toEqual({ value: 3n });
    expect(lowerForTest([tail, f]).funcs[0]).toMatchObject({ params: ['ptr', 'ptr', 'usize'], ret: 'unit' });
  });
  it('declares functions of other crates as externs with their scalar signature; -> ! calls end the block', () => {
    const other = fn('other_crate_fn', [], T.never, new Body(), B([]), { body: undefined, symbol: '_ZN4core5other17h0000000000000000E' });
    const fb = new Body();
    const f = fn('f', [], T.never, fb, B([S.expr(E.call(other))], undefined, T.never));
    const m = lowerForTest([f]);
    expect(m.externs).toEqual([{ name: '_ZN4core5other17h0000000000000000E', params: [], ret: 'never' }]);
    expect(m.funcs[0]!.ret).toBe('never');
  });
});

describe('statics and constants', () => {
  it('statics become IR statics (mutable ones writable), read and written through their symbol', () => {
    const counter: StaticDef = { kind: 'static', crate: 't', path: ['COUNTER'], span: E.bool(true).span, name: 'COUNTER', symbol: 'COUNTER', ty: U32, mut: true, exported: false, value: { kind: 'scalar', value: 5n } };
    const table: StaticDef = { kind: 'static', crate: 't', path: ['TABLE'], span: E.bool(true).span, name: 'TABLE', symbol: 'TABLE', ty: T.array(T.i('u16'), 3), mut: false, exported: false, value: { kind: 'aggregate', fields: [1n, 2n, 3n].map((value) => ({ kind: 'scalar' as const, value })) } };
    const body = new Body();
    const f = fn('f', [], U32, body, B([
      S.expr(E.assignOp('add', E.static(counter), u32(10))),
      S.expr(E.assignOp('add', E.static(counter), E.cast(E.index(E.static(table), usz(2)), U32))),
    ], E.static(counter)));
    const m = lowerForTest([f], false, [counter, table]);
    expect(m.statics.map((s) => [s.name, s.mutable, Array.from(s.bytes)])).toEqual([['COUNTER', true, [5, 0, 0, 0]], ['TABLE', false, [1, 0, 2, 0, 3, 0]]]);
    expect(run([f], 'f', [], false, [counter, table])).toEqual({ value: 18n });
  });
  it('a static holding a &str points at deduplicated string data', () => {
    const bytes = new TextEncoder().encode('hi');
    const msg: StaticDef = { kind: 'static', crate: 't', path: ['MSG'], span: E.bool(true).span, name: 'MSG', symbol: 'MSG', ty: T.ref(T.str), mut: false, exported: false, value: { kind: 'ref', to: { kind: 'bytes', bytes }, len: 2 } };
    const body = new Body();
    const f = fn('f', [], USZ, body, B([S.expr(E.str('hi'))], E.builtin('str.len', USZ, [E.static(msg)])));
    const m = lowerForTest([f], false, [msg]);
    expect(m.statics.filter((s) => s.bytes.length === 2 && s.bytes[0] === 104)).toHaveLength(1);
    expect(m.statics.find((s) => s.name === 'MSG')!.relocs).toHaveLength(1);
    expect(runBoth([f], 'f', [], [msg])).toEqual({ value: 2n });
  });
  it('promotes &[1, 2, 3] to read-only memory that outlives the function', () => {
    const gb = new Body();
    const get = fn('get', [], T.ref(T.slice(U32)), gb, B([], E.unsize(E.ref(E.array(U32, u32(1), u32(2), u32(3))))));
    const fb = new Body();
    const s = fb.local('s', T.ref(T.slice(U32)));
    const f = fn('f', [], U32, fb, B([S.let(P.bind(s), E.call(get))], E.bin('add', E.index(E.deref(E.local(s)), usz(2)), E.cast(E.builtin('slice.len', USZ, [E.local(s)]), U32))));
    expect(runBoth([get, f], 'f')).toEqual({ value: 6n });
  });
});

describe('equality beyond scalars', () => {
  it('compares &str, derived-PartialEq structs, tuples and arrays field by field, and references by referent', () => {
    const Pt = struct('Pt', [['x', U32], ['name', T.ref(T.str)]]);
    const body = new Body();
    const a = body.local('a', USZ);
    const p = body.local('p', T.adt(Pt));
    const q = body.local('q', T.adt(Pt));
    const n = body.local('n', U32);
    const bit = (cond: import('../thir/thir.ts').Expr, k: number) => E.bin('mul', E.cast(cond, U32), u32(k));
    const f = fn('f', [a], U32, body, B([
      S.let(P.bind(n), u32(3)),
      S.let(P.bind(p), E.struct(Pt, u32(1), E.str('ab'))),
      S.let(P.bind(q), E.struct(Pt, E.cast(E.local(a), U32), E.ref(E.slice(E.deref(E.str('xab')), usz(1))))),
    ], E.bin('add', E.bin('add', bit(E.bin('eq', E.local(p), E.local(q)), 1), bit(E.bin('ne', E.str('ab'), E.str('abc')), 10)),
      E.bin('add', bit(E.bin('eq', E.array(U32, u32(1), u32(2)), E.array(U32, u32(1), E.cast(E.local(a), U32))), 100), bit(E.bin('eq', E.ref(E.local(n)), E.ref(E.local(n))), 1000)))));
    expect(runBoth([f], 'f', [1n])).toEqual({ value: 1011n });
    expect(runBoth([f], 'f', [2n])).toEqual({ value: 1110n });
  });
});

describe('function pointers and unsized comparisons', () => {
  it('calls through fn pointers (scalars and an aggregate result), from an array of them', () => {
    const FP = { kind: 'fnPtr', params: [U32, U32], ret: U32, unsafe: false, abi: 'Rust' } as const;
    const mk = (name: string, op: 'add' | 'mul') => { const b = new Body(); const x = b.local('x', U32); const y = b.local('y', U32); return fn(name, [x, y], U32, b, B([], E.bin(op, E.local(x), E.local(y))), { noMangle: false, exported: false }); };
    const add = mk('add', 'add'); const mul = mk('mul', 'mul');
    const asPtr = (d: typeof add) => ({ ty: FP, span: E.bool(true).span, kind: 'coerce', coercion: 'fnItemToPtr', operand: { ty: { kind: 'fnDef', def: d }, span: E.bool(true).span, kind: 'fnItem', def: d } }) as import('../thir/thir.ts').Expr;
    const body = new Body();
    const ops = body.local('ops', T.array(FP, 2));
    const call = (i: number) => ({ ty: U32, span: E.bool(true).span, kind: 'callValue', func: E.index(E.local(ops), usz(i)), args: [u32(6), u32(7)] }) as import('../thir/thir.ts').Expr;
    const f = fn('f', [], U32, body, B([S.let(P.bind(ops), E.array(FP, asPtr(add), asPtr(mul)))], E.bin('add', E.bin('mul', call(0), u32(100)), call(1))));
    expect(runBoth([add, mul, f], 'f')).toEqual({ value: 1342n });
  });
  it('compares sub-slices (unsized places) element by element', () => {
    const body = new Body();
    const n = body.local('n', USZ);
    const x = body.local('x', T.array(U8, 4));
    const y = body.local('y', T.array(U8, 4));
    const f = fn('f', [n], T.bool, body, B([
      S.let(P.bind(x), E.array(U8, ...[1, 2, 3, 4].map((k) => E.int(U8, k)))),
      S.let(P.bind(y), E.array(U8, ...[1, 2, 3, 5].map((k) => E.int(U8, k)))),
    ], E.bin('eq', E.slice(E.local(x), undefined, E.local(n)), E.slice(E.local(y), undefined, E.local(n)))));
    expect(runBoth([f], 'f', [3n])).toEqual({ value: 1n });
    expect(runBoth([f], 'f', [4n])).toEqual({ value: 0n });
  });
});
