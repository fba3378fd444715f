// Arithmetic, comparisons, casts and locals, lowered from hand-built THIR and run in the IR
// interpreter in debug and release: results against BigInt, and rustc's panic messages and
// locations for overflow, division and shifts.
import { describe, expect, it } from 'vitest';
import type { BinaryOp } from '../thir/thir.ts';
import type { IntTy } from '../thir/ty.ts';
import { B, Body, E, fn, run, runBoth, S, P, T } from './test-thir.ts';

function binFn(op: BinaryOp, t: IntTy, rt: IntTy = t) {
  const body = new Body();
  const a = body.local('a', T.i(t));
  const b = body.local('b', T.i(rt));
  return fn('f', [a, b], ['eq', 'ne', 'lt', 'le', 'gt', 'ge'].includes(op) ? T.bool : T.i(t), body, B([], E.bin(op, E.local(a), E.local(b))));
}

const wrapTo = (t: IntTy, x: bigint) => {
  const bits = t === 'isize' || t === 'usize' ? 64 : Number(t.slice(1));
  return t[0] === 'i' ? BigInt.asIntN(bits, x) : BigInt.asUintN(bits, x);
};

describe('integer arithmetic', () => {
  it('adds, subtracts and multiplies in range at every width', () => {
    for (const t of ['i8', 'u8', 'i16', 'u32', 'i64', 'usize', 'u128', 'i128'] as IntTy[]) {
      for (const [op, f] of [['add', (a: bigint, b: bigint) => a + b], ['sub', (a: bigint, b: bigint) => a - b], ['mul', (a: bigint, b: bigint) => a * b]] as const) {
        expect(runBoth([binFn(op, t)], 'f', [7n, 5n])).toEqual({ value: wrapTo(t, f(7n, 5n)) });
      }
    }
  });
  it('panics on overflow in debug with rustc\'s message and the expression\'s location, wraps in release', () => {
    expect(run([binFn('add', 'u8')], 'f', [200n, 100n])).toEqual({ panic: 'attempt to add with overflow', at: 'src/main.rs:2:13' });
    expect(run([binFn('add', 'u8')], 'f', [200n, 100n], true)).toEqual({ value: 44n });
    expect(run([binFn('sub', 'u32')], 'f', [1n, 2n])).toEqual({ panic: 'attempt to subtract with overflow', at: 'src/main.rs:2:13' });
    expect(run([binFn('mul', 'i16')], 'f', [300n, 300n])).toEqual({ panic: 'attempt to multiply with overflow', at: 'src/main.rs:2:13' });
    expect(run([binFn('mul', 'i16')], 'f', [300n, 300n], true)).toEqual({ value: wrapTo('i16', 90000n) });
  });
  it('checks division and remainder in both builds', () => {
    for (const release of [false, true]) {
      expect(run([binFn('div', 'u32')], 'f', [7n, 0n], release)).toMatchObject({ panic: 'attempt to divide by zero' });
      expect(run([binFn('rem', 'u32')], 'f', [7n, 0n], release)).toMatchObject({ panic: 'attempt to calculate the remainder with a divisor of zero' });
      expect(run([binFn('div', 'i8')], 'f', [-128n, -1n], release)).toMatchObject({ panic: 'attempt to divide with overflow' });
      expect(run([binFn('rem', 'i8')], 'f', [-128n, -1n], release)).toMatchObject({ panic: 'attempt to calculate the remainder with overflow' });
      expect(run([binFn('div', 'i32')], 'f', [-7n, 2n], release)).toEqual({ value: -3n });
      expect(run([binFn('rem', 'i32')], 'f', [-7n, 2n], release)).toEqual({ value: -1n });
    }
  });
  it('checks shift amounts in debug only (any amount type)', () => {
    expect(run([binFn('shl', 'u8', 'u32')], 'f', [1n, 8n])).toMatchObject({ panic: 'attempt to shift left with overflow' });
    expect(run([binFn('shl', 'u8', 'u32')], 'f', [1n, 9n], true)).toEqual({ value: 2n });
    expect(run([binFn('shr', 'i32', 'i8')], 'f', [-64n, -1n])).toMatchObject({ panic: 'attempt to shift right with overflow' });
    expect(runBoth([binFn('shr', 'i32', 'i8')], 'f', [-64n, 3n])).toEqual({ value: -8n });
    expect(runBoth([binFn('shl', 'u128', 'u8')], 'f', [1n, 127n])).toEqual({ value: 1n << 127n });
  });
  it('compares signed and unsigned values', () => {
    expect(runBoth([binFn('lt', 'i8')], 'f', [-1n, 1n])).toEqual({ value: 1n });
    expect(runBoth([binFn('lt', 'u8')], 'f', [255n, 1n])).toEqual({ value: 0n });
    expect(runBoth([binFn('ge', 'i64')], 'f', [5n, 5n])).toEqual({ value: 1n });
  });
  it('negates with a check for MIN in debug', () => {
    const body = new Body();
    const a = body.local('a', T.i('i8'));
    const f = fn('f', [a], T.i('i8'), body, B([], E.neg(E.local(a))));
    expect(run([f], 'f', [-128n])).toMatchObject({ panic: 'attempt to negate with overflow' });
    expect(run([f], 'f', [-128n], true)).toEqual({ value: -128n });
    expect(runBoth([f], 'f', [5n])).toEqual({ value: -5n });
  });
});

describe('locals, casts, logic', () => {
  it('keeps `let mut` locals and compound assignment (checked like binary ops)', () => {
    const body = new Body();
    const a = body.local('a', T.i('u8'));
    const x = body.local('x', T.i('u8'));
    const f = fn('f', [a], T.i('u8'), body, B([
      S.let(P.bind(x), E.int(T.i('u8'), 10)),
      S.expr(E.assignOp('add', E.local(x), E.local(a))),
      S.expr(E.assignOp('mul', E.local(x), E.int(T.i('u8'), 2))),
    ], E.local(x)));
    expect(runBoth([f], 'f', [5n])).toEqual({ value: 30n });
    expect(run([f], 'f', [120n])).toMatchObject({ panic: 'attempt to multiply with overflow' });
  });
  it('casts between integers, bool, char and pointers as Rust does', () => {
    const body = new Body();
    const a = body.local('a', T.i('i32'));
    const f = fn('f', [a], T.i('u64'), body, B([], E.cast(E.cast(E.local(a), T.i('u8')), T.i('u64'))));
    expect(runBoth([f], 'f', [-1n])).toEqual({ value: 255n });
    const b2 = new Body();
    const c = b2.local('c', T.i('i8'));
    const g = fn('g', [c], T.i('u32'), b2, B([], E.cast(E.local(c), T.i('u32'))));
    expect(runBoth([g], 'g', [-2n])).toEqual({ value: 0xfffffffen });
    const b3 = new Body();
    const h = fn('h', [], T.i('u32'), b3, B([], E.bin('add', E.cast(E.char('é'), T.i('u32')), E.cast(E.bool(true), T.i('u32')))));
    expect(runBoth([h], 'h')).toEqual({ value: 0xe9n + 1n });
  });
  it('short-circuits && and ||', () => {
    const body = new Body();
    const a = body.local('a', T.i('u32'));
    // a != 0 && 10 / a > 2  — the division is not evaluated when a == 0
    const f = fn('f', [a], T.bool, body, B([], E.and(E.bin('ne', E.local(a), E.int(T.i('u32'), 0)), E.bin('gt', E.bin('div', E.int(T.i('u32'), 10), E.local(a)), E.int(T.i('u32'), 2)))));
    expect(runBoth([f], 'f', [0n])).toEqual({ value: 0n });
    expect(runBoth([f], 'f', [3n])).toEqual({ value: 1n });
    expect(runBoth([f], 'f', [4n])).toEqual({ value: 0n });
  });
  it('evaluates an operand read from a local before a later operand assigns it', () => {
    const body = new Body();
    const x = body.local('x', T.i('u32'));
    // let mut x = 1; x + { x = 10; x }  == 11
    const f = fn('f', [], T.i('u32'), body, B([S.let(P.bind(x), E.int(T.i('u32'), 1))], E.bin('add', E.local(x), E.block([S.expr(E.assign(E.local(x), E.int(T.i('u32'), 10)))], E.local(x)))));
    expect(runBoth([f], 'f')).toEqual({ value: 11n });
  });
});
