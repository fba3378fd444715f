// Every builtin operation of thir/builtins.ts, lowered from hand-built THIR and run in the IR
// interpreter in both builds, against values computed here.
import { describe, expect, it } from 'vitest';
import type { BuiltinOp } from '../thir/builtins.ts';
import { BUILTIN_OPS } from '../thir/builtins.ts';
import type { Expr } from '../thir/thir.ts';
import type { IntTy, Ty } from '../thir/ty.ts';
import { B, Body, E, fn, lowerForTest, P, run, runBoth, S, T } from './test-thir.ts';

const U32 = T.i('u32');
const U8 = T.i('u8');
const USZ = T.i('usize');
const usz = (n: number | bigint) => E.int(USZ, n);
const tested = new Set<BuiltinOp>();
const op = (name: BuiltinOp, ty: Ty, args: Expr[], typeArg?: Ty) => { tested.add(name); return E.builtin(name, ty, args, typeArg); };

/** fn f(a: T, b: U) -> R { builtin(a, b) } run on values. */
function intOp(name: BuiltinOp, t: IntTy, args: bigint[], ret: Ty = T.i(t), second: IntTy = t) {
  const body = new Body();
  const ps = args.map((_, i) => body.local(`p${i}`, T.i(i === 0 ? t : second)));
  const f = fn('f', ps, ret, body, B([], op(name, ret, ps.map((p) => E.local(p)))));
  return runBoth([f], 'f', args);
}

describe('integer primitives', () => {
  it('wrapping arithmetic and shifts', () => {
    expect(intOp('int.wrapping_add', 'u8', [200n, 100n])).toEqual({ value: 44n });
    expect(intOp('int.wrapping_sub', 'i8', [-128n, 1n])).toEqual({ value: 127n });
    expect(intOp('int.wrapping_mul', 'u16', [300n, 300n])).toEqual({ value: 90000n % 65536n });
    expect(intOp('int.wrapping_neg', 'i32', [-2147483648n])).toEqual({ value: -2147483648n });
    expect(intOp('int.wrapping_shl', 'u8', [1n, 9n], U8, 'u32')).toEqual({ value: 2n });
    expect(intOp('int.wrapping_shr', 'i16', [-256n, 20n], T.i('i16'), 'u32')).toEqual({ value: -16n });
    expect(intOp('int.unchecked_div', 'i32', [-9n, 2n])).toEqual({ value: -4n });
    expect(intOp('int.unchecked_rem', 'i32', [-9n, 2n])).toEqual({ value: -1n });
  });
  it('rotations, bit counts, byte swaps', () => {
    expect(intOp('int.rotate_left', 'u8', [0b1000_0001n, 1n], U8, 'u32')).toEqual({ value: 0b0000_0011n });
    expect(intOp('int.rotate_right', 'u16', [1n, 4n], T.i('u16'), 'u32')).toEqual({ value: 0x1000n });
    expect(intOp('int.rotate_left', 'i32', [-1n, 0n], T.i('i32'), 'u32')).toEqual({ value: -1n });
    expect(intOp('int.count_ones', 'u64', [0xf0f0n], U32)).toEqual({ value: 8n });
    expect(intOp('int.count_ones', 'i8', [-1n], U32)).toEqual({ value: 8n });
    expect(intOp('int.leading_zeros', 'u32', [1n], U32)).toEqual({ value: 31n });
    expect(intOp('int.leading_zeros', 'u16', [0n], U32)).toEqual({ value: 16n });
    expect(intOp('int.trailing_zeros', 'u128', [1n << 100n], U32)).toEqual({ value: 100n });
    expect(intOp('int.trailing_zeros', 'u8', [0n], U32)).toEqual({ value: 8n });
    expect(intOp('int.swap_bytes', 'u32', [0x12345678n])).toEqual({ value: 0x78563412n });
    expect(intOp('int.swap_bytes', 'i16', [0x00ffn])).toEqual({ value: -256n });
  });
  it('overflowing arithmetic gives (value, overflowed)', () => {
    for (const [name, a, b, value, flag] of [['int.overflowing_add', 250n, 10n, 4n, 1n], ['int.overflowing_sub', 5n, 3n, 2n, 0n], ['int.overflowing_mul', 16n, 16n, 0n, 1n]] as const) {
      const body = new Body();
      const x = body.local('x', U8); const y = body.local('y', U8);
      const r = body.local('r', T.tuple(U8, T.bool));
      const f = fn('f', [x, y], U32, body, B([S.let(P.bind(r), op(name, T.tuple(U8, T.bool), [E.local(x), E.local(y)]))],
        E.bin('add', E.bin('mul', E.cast(E.field(E.local(r), 0), U32), E.int(U32, 10)), E.cast(E.field(E.local(r), 1), U32))));
      expect(runBoth([f], 'f', [a, b])).toEqual({ value: value * 10n + flag });
    }
  });
});

describe('pointers', () => {
  it('add/sub/offset count elements; read/write (volatile too); is_null, null, cast', () => {
    const body = new Body();
    const a = body.local('a', T.array(U32, 4));
    const p = body.local('p', T.ptr(U32, true));
    const q = body.local('q', T.ptr(U32, true));
    const PT = T.ptr(U32, true);
    const f = fn('f', [], U32, body, B([
      S.let(P.bind(a), E.array(U32, ...[1, 2, 3, 4].map((n) => E.int(U32, n)))),
      S.let(P.bind(p), E.raw(E.index(E.local(a), usz(0)), true)),
      S.let(P.bind(q), op('ptr.add', PT, [E.local(p), usz(3)])),
      S.expr(op('ptr.write', T.unit, [op('ptr.offset', PT, [E.local(q), E.int(T.i('isize'), -2)]), E.int(U32, 20)])),
      S.expr(op('ptr.write_volatile', T.unit, [op('ptr.wrapping_add', PT, [E.local(p), usz(2)]), E.int(U32, 30)])),
      S.expr(op('ptr.write', T.unit, [op('ptr.wrapping_sub', PT, [E.local(q), usz(3)]), E.int(U32, 100)])),
      S.expr(op('ptr.write', T.unit, [op('ptr.wrapping_offset', PT, [E.local(p), E.int(T.i('isize'), 3)]), E.bin('add', op('ptr.read', U32, [op('ptr.sub', PT, [E.local(q), usz(1)])]), E.int(U32, 10))])),
    ], E.bin('add', E.bin('add', op('ptr.read_volatile', U32, [E.local(p)]), op('ptr.read', U32, [op('ptr.add', PT, [E.local(p), usz(1)])])),
      E.bin('add', E.index(E.local(a), usz(2)), op('ptr.read', U32, [op('ptr.cast', T.ptr(U32), [E.local(q)], U32)])))));
    expect(runBoth([f], 'f')).toEqual({ value: 100n + 20n + 30n + 40n });
    const m = lowerForTest([f]);
    expect(m.funcs[0]!.blocks.flatMap((b) => b.insts).filter((i) => (i.op === 'load' || i.op === 'store') && i.volatile)).toHaveLength(2);
    const b2 = new Body();
    const g = fn('g', [], T.bool, b2, B([], E.and(op('ptr.is_null', T.bool, [op('ptr.null', T.ptr(U8), [], U8)]), E.not(op('ptr.is_null', T.bool, [op('ptr.null_mut', T.ptr(U8, true), [], U8)])))));
    expect(runBoth([g], 'g')).toEqual({ value: 0n });
  });
  it('copy_nonoverlapping, copy and write_bytes call memcpy, memmove and memset with byte counts', () => {
    const body = new Body();
    const a = body.local('a', T.array(T.i('u16'), 4));
    const U16 = T.i('u16');
    const p = () => E.raw(E.index(E.local(a), usz(0)), true);
    const f = fn('f', [], U16, body, B([
      S.let(P.bind(a), E.array(U16, ...[1, 2, 3, 4].map((n) => E.int(U16, n)))),
      S.expr(op('ptr.copy_nonoverlapping', T.unit, [E.coerce(p(), 'mutToConst', T.ptr(U16)), op('ptr.add', T.ptr(U16, true), [p(), usz(2)]), usz(2)])),
      S.expr(op('ptr.copy', T.unit, [E.coerce(p(), 'mutToConst', T.ptr(U16)), op('ptr.add', T.ptr(U16, true), [p(), usz(1)]), usz(2)])),
      S.expr(op('ptr.write_bytes', T.unit, [p(), E.int(U8, 0xff), usz(1)])),
    ], E.bin('add', E.bin('add', E.index(E.local(a), usz(0)), E.index(E.local(a), usz(1))), E.bin('mul', E.index(E.local(a), usz(2)), E.index(E.local(a), usz(3))))));
    // a = [1,2,1,2] → copy a[0..2] to a[1..3] → [1,1,2,2] → a[0] = 0xffff
    expect(run([f], 'f', [], true)).toEqual({ value: BigInt((0xffff + 1 + 2 * 2) & 0xffff) });
    expect(lowerForTest([f]).externs.map((e) => e.name).sort()).toEqual(['memcpy', 'memmove', 'memset']);
  });
});

describe('slices, strings, iterators, ranges, mem, hint', () => {
  it('slice and str accessors', () => {
    const body = new Body();
    const a = body.local('a', T.array(U8, 3));
    const s = () => E.unsize(E.ref(E.local(a)));
    const st = E.str('héllo');
    const f = fn('f', [], USZ, body, B([S.let(P.bind(a), E.array(U8, E.int(U8, 7), E.int(U8, 8), E.int(U8, 9)))],
      E.bin('add', E.bin('add', E.bin('add', op('slice.len', USZ, [s()]), E.cast(op('slice.is_empty', T.bool, [s()]), USZ)),
        E.bin('add', op('str.len', USZ, [st]), E.cast(op('str.is_empty', T.bool, [E.str('')]), USZ))),
        E.bin('add', E.cast(op('ptr.read', U8, [op('slice.as_ptr', T.ptr(U8), [s()])]), USZ),
          E.bin('add', E.cast(op('ptr.read', U8, [op('slice.as_mut_ptr', T.ptr(U8, true), [E.unsize(E.ref(E.local(a), true))])]), USZ),
            E.bin('add', E.cast(op('ptr.read', U8, [op('str.as_ptr', T.ptr(U8), [E.str('A')])]), USZ), op('slice.len', USZ, [op('str.as_bytes', T.ref(T.slice(U8)), [E.str('xyz')])])))))));
    expect(runBoth([f], 'f')).toEqual({ value: BigInt(3 + 0 + 6 + 1 + 7 + 7 + 65 + 3) });
  });
  it('iterator constructors (also covered by for loops) and step_by(0) panics', () => {
    for (const name of ['slice.iter', 'slice.iter_mut', 'str.bytes', 'str.chars', 'iter.enumerate', 'iter.rev', 'iter.step_by'] as BuiltinOp[]) tested.add(name);
    const body = new Body();
    const r = E.range(E.int(U32, 0), E.int(U32, 3));
    const it = op('iter.step_by', T.iter({ kind: 'stepBy', inner: r.ty }), [r, usz(0)]);
    const x = body.local('x', U32);
    const f = fn('f', [], T.unit, body, B([S.expr(E.for(body.loop(), P.bind(x), it, B([])))]));
    expect(run([f], 'f')).toMatchObject({ panic: 'assertion failed: step != 0' });
  });
  it('range contains and len, exclusive and inclusive', () => {
    const body = new Body();
    const v = body.local('v', U32);
    const r = body.local('r', T.range(U32));
    const ri = body.local('ri', T.range(U32, true));
    const f = fn('f', [v], USZ, body, B([
      S.let(P.bind(r), E.range(E.int(U32, 2), E.int(U32, 5))),
      S.let(P.bind(ri), E.range(E.int(U32, 2), E.int(U32, 5), true)),
    ], E.bin('add', E.bin('add', E.bin('mul', E.cast(op('range.contains', T.bool, [E.ref(E.local(r)), E.ref(E.local(v))]), USZ), usz(1000)), E.bin('mul', E.cast(op('range.contains', T.bool, [E.ref(E.local(ri)), E.ref(E.local(v))]), USZ), usz(100))),
      E.bin('add', E.bin('mul', op('range.len', USZ, [E.ref(E.local(r))]), usz(10)), op('range.len', USZ, [E.ref(E.local(ri))])))));
    expect(runBoth([f], 'f', [5n])).toEqual({ value: 100n + 34n });
    expect(runBoth([f], 'f', [2n])).toEqual({ value: 1100n + 34n });
    expect(runBoth([f], 'f', [1n])).toEqual({ value: 34n });
  });
  it('size_of/align_of follow rustc\'s layout; spin_loop is nothing; black_box passes its value through memory', () => {
    const body = new Body();
    const S3 = T.tuple(U8, U32, U8);
    const f = fn('f', [], USZ, body, B([S.expr(op('hint.spin_loop', T.unit, []))], E.bin('add', E.bin('mul', op('mem.size_of', USZ, [], S3), usz(100)),
      E.bin('add', E.bin('mul', op('mem.align_of', USZ, [], T.i('u128')), usz(10)), op('hint.black_box', USZ, [usz(3)])))));
    expect(runBoth([f], 'f')).toEqual({ value: 8n * 100n + 160n + 3n });
    const m = lowerForTest([f], true);
    expect(m.funcs[0]!.blocks.flatMap((b) => b.insts).some((i) => i.op === 'load' && i.volatile)).toBe(true);
  });
  it('covers every operation of the table', () => {
    expect(Object.keys(BUILTIN_OPS).filter((k) => !tested.has(k as BuiltinOp))).toEqual([]);
  });
});
