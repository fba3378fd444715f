// Lowered programs compiled by our code generator (debug and release), linked, booted and run
// in Bootlab's machine: the result each program stores must equal what the IR interpreter
// computes from the same lowering, and a debug overflow must reach the panic function with the
// span's line. The runtime around them (_start, panic function, mem functions) is hand-written IR.
import { describe, expect, it, vi } from 'vitest';
import { FuncBuilder } from '../ir/builder.ts';
import { c, v, type Func, type Module } from '../ir/types.ts';
import { compileLinkBoot, readKernel } from '../codegen/x86_64/test-run.ts';
import type { FnDef } from '../thir/defs.ts';
import { B, Body, E, fn, lowerForTest, P, run, S, struct, T } from './test-thir.ts';

vi.setConfig({ testTimeout: 300_000 });

const U32 = T.i('u32');
const U64 = T.i('u64');
const USZ = T.i('usize');
const u32 = (n: number | bigint) => E.int(U32, n);
const usz = (n: number | bigint) => E.int(USZ, n);

function runtime(): Module {
  const start = new FuncBuilder('_start', [], 'never', true);
  start.store(start.staticAddr('RESULT'), start.call('f', [], 'u64')!);
  start.emit({ op: 'out', port: c('u16', 0xf4), value: c('u32', 0x10) });
  start.emit({ op: 'hlt' });
  // The panic entry keeps the message (up to 64 bytes) and its length in PANIC_MSG, then exits with the line.
  const panic = new FuncBuilder('panic_entry', ['ptr', 'usize', 'ptr'], 'never', true);
  const msg = panic.staticAddr('PANIC_MSG');
  panic.store(msg, panic.param(1));
  const i = panic.value('usize');
  panic.assign(i, c('usize', 0));
  panic.terminate({ op: 'goto', target: 'copy' });
  panic.block('copy');
  panic.terminate({ op: 'branch', cond: panic.binary('and', 'bool', panic.compare('lt', v(i), panic.param(1)), panic.compare('lt', v(i), c('usize', 64))), then: 'byte', else: 'exit' });
  panic.block('byte');
  panic.store(panic.ptrAdd(msg, 8, v(i), 1), panic.load('u8', panic.ptrAdd(panic.param(0), 0, v(i), 1)));
  panic.assign(i, panic.binary('add', 'usize', v(i), c('usize', 1)));
  panic.terminate({ op: 'goto', target: 'copy' });
  panic.block('exit');
  panic.emit({ op: 'out', port: c('u16', 0xf4), value: panic.load('u32', panic.ptrAdd(panic.param(2), 16)) });
  panic.emit({ op: 'hlt' });
  const mem = (name: string, fill: boolean): Func => {
    const f = new FuncBuilder(name, ['ptr', fill ? 'i32' : 'ptr', 'usize'], 'ptr', true);
    const i = f.value('usize');
    f.assign(i, c('usize', 0));
    f.terminate({ op: 'goto', target: 'loop' });
    f.block('loop');
    f.terminate({ op: 'branch', cond: f.compare('lt', v(i), f.param(2)), then: 'body', else: 'done' });
    f.block('body');
    const byte = fill ? f.cast('u8', f.param(1)) : f.load('u8', f.ptrAdd(f.param(1), 0, v(i), 1));
    f.store(f.ptrAdd(f.param(0), 0, v(i), 1), byte);
    f.assign(i, f.binary('add', 'usize', v(i), c('usize', 1)));
    f.terminate({ op: 'goto', target: 'loop' });
    f.block('done');
    f.terminate({ op: 'return', value: f.param(0) });
    return f.build();
  };
  return {
    name: 'rt', sourceFile: 'rt.rs', funcs: [start.build(), panic.build(), mem('memcpy', false), mem('memset', true)],
    statics: [{ name: 'RESULT', global: true, mutable: true, align: 8, bytes: new Uint8Array(8) }, { name: 'PANIC_MSG', global: true, mutable: true, align: 8, bytes: new Uint8Array(72) }],
    externs: [{ name: 'f', params: [], ret: 'u64' }], panicSymbol: 'panic_entry',
  };
}

function bootRun(fns: FnDef[], release: boolean): { result: bigint; exit: number | null; message?: string } {
  const m = lowerForTest(fns, release);
  const r = compileLinkBoot([m, runtime()], release ? 3 : 0);
  // Without any panic path the linker's --gc-sections drops the panic entry and PANIC_MSG.
  const at = r.symbols.get('PANIC_MSG') ?? 0n;
  const len = at ? Number(readKernel(r, at, 8)) : 0;
  const bytes = Array.from({ length: Math.min(len, 64) }, (_, k) => Number(readKernel(r, at + 8n + BigInt(k), 1)));
  return { result: readKernel(r, r.symbols.get('RESULT')!, 8), exit: r.exitCode, ...(len > 0 && { message: new TextDecoder().decode(Uint8Array.from(bytes)) }) };
}

/** A program touching most of lowering: structs through calls, arrays, for/enumerate, chars, match, while, memcpy. */
function program(): FnDef[] {
  const Acc = struct('Acc', [['sum', U64], ['count', U32], ['tag', T.i('u8')], ['buf', T.array(T.i('u8'), 80)]]);
  const sb = new Body();
  const a = sb.local('a', T.adt(Acc));
  const x = sb.local('x', U64);
  // fn step(mut a: Acc, x: u64) -> Acc { a.sum = a.sum * 3 + x; a.count += 1; a.buf[x % 80] = x as u8; a }
  const step = fn('step', [a, x], T.adt(Acc), sb, B([
    S.expr(E.assign(E.field(E.local(a), 0), E.bin('add', E.bin('mul', E.field(E.local(a), 0), E.int(U64, 3)), E.local(x)))),
    S.expr(E.assignOp('add', E.field(E.local(a), 1), u32(1))),
    S.expr(E.assign(E.index(E.field(E.local(a), 3), E.cast(E.bin('rem', E.local(x), E.int(U64, 80)), USZ)), E.cast(E.local(x), T.i('u8')))),
  ], E.local(a)), { noMangle: false, exported: false });
  const fb = new Body();
  const acc = fb.local('acc', T.adt(Acc));
  const arr = fb.local('arr', T.array(U32, 5));
  const i = fb.local('i', USZ);
  const y = fb.local('y', T.ref(U32));
  const ch = fb.local('ch', T.char);
  const n = fb.local('n', U64);
  const out = fb.local('out', U64);
  const loop1 = fb.loop(); const loop2 = fb.loop(); const loop3 = fb.loop();
  const en = E.builtin('iter.enumerate', T.iter({ kind: 'enumerate', inner: T.iter({ kind: 'sliceIter', elem: U32, mut: false }) }), [E.builtin('slice.iter', T.iter({ kind: 'sliceIter', elem: U32, mut: false }), [E.unsize(E.ref(E.local(arr)))])]);
  const f = fn('f', [], U64, fb, B([
    S.let(P.bind(acc), E.struct(Acc, E.int(U64, 0), u32(0), E.int(T.i('u8'), 1), E.repeat(E.int(T.i('u8'), 0), 80))),
    S.let(P.bind(arr), E.array(U32, u32(5), u32(4), u32(3), u32(2), u32(1))),
    S.expr(E.for(loop1, P.tuple(T.tuple(USZ, T.ref(U32)), P.bind(i), P.bind(y)), en, B([
      S.expr(E.assign(E.local(acc), E.call(step, E.local(acc), E.bin('mul', E.cast(E.local(i), U64), E.cast(E.deref(E.local(y)), U64))))),
    ]))),
    S.expr(E.for(loop2, P.bind(ch), E.builtin('str.chars', T.iter({ kind: 'chars' }), [E.str('a€😀')]), B([
      S.expr(E.assign(E.local(acc), E.call(step, E.local(acc), E.match(E.local(ch), [
        { pat: P.const(T.char, { kind: 'scalar', value: 97n }), body: E.int(U64, 1) },
        { pat: P.range(T.char, 0x80, 0xffff), body: E.int(U64, 2) },
        { pat: P.wild(T.char), body: E.cast(E.local(ch), U64) },
      ], U64)))),
    ]))),
    S.let(P.bind(n), E.int(U64, 27)),
    S.let(P.bind(out), E.int(U64, 0)),
    S.expr(E.while(loop3, E.bin('ne', E.local(n), E.int(U64, 1)), B([
      S.expr(E.assign(E.local(n), E.if(E.bin('eq', E.bin('rem', E.local(n), E.int(U64, 2)), E.int(U64, 0)), E.bin('div', E.local(n), E.int(U64, 2)), E.bin('add', E.bin('mul', E.local(n), E.int(U64, 3)), E.int(U64, 1))))),
      S.expr(E.assignOp('add', E.local(out), E.int(U64, 1))),
    ]))),
  ], E.bin('add', E.bin('add', E.bin('mul', E.field(E.local(acc), 0), E.int(U64, 1000)), E.bin('mul', E.cast(E.field(E.local(acc), 1), U64), E.int(U64, 100))),
    E.bin('add', E.local(out), E.cast(E.index(E.field(E.local(acc), 3), usz(12)), U64)))));
  return [step, f];
}

describe('lowered programs on the machine', () => {
  it('compute the interpreter\'s result in debug and release', () => {
    const expected = run(program(), 'f');
    expect(expected).toHaveProperty('value');
    for (const release of [false, true]) {
      const got = bootRun(program(), release);
      expect(got.exit, `release ${release}`).toBe(0x10);
      expect(got.result, `release ${release}`).toBe((expected as { value: bigint }).value);
    }
  });
  it('a debug overflow reaches the panic function with the span\'s line; release wraps', () => {
    const body = new Body();
    const x = body.local('x', T.i('u8'));
    const f = fn('f', [], U64, body, B([S.let(P.bind(x), E.builtin('hint.black_box', T.i('u8'), [E.int(T.i('u8'), 255)])), S.expr(E.assignOp('add', E.local(x), E.int(T.i('u8'), 1)))], E.cast(E.local(x), U64)));
    expect(bootRun([f], false).exit).toBe(2);
    expect(bootRun([f], true)).toEqual({ result: 0n, exit: 0x10 });
  });
  it('an index out of bounds panics with rustc\'s message, its numbers formatted at run time, in both builds', () => {
    const body = new Body();
    const a = body.local('a', T.array(U64, 3));
    const i = body.local('i', USZ);
    const f = fn('f', [], U64, body, B([
      S.let(P.bind(a), E.array(U64, E.int(U64, 1), E.int(U64, 2), E.int(U64, 3))),
      S.let(P.bind(i), E.builtin('hint.black_box', USZ, [usz(1234567)])),
    ], E.index(E.local(a), E.local(i))));
    for (const release of [false, true]) expect(bootRun([f], release)).toEqual({ result: 0n, exit: 2, message: 'index out of bounds: the len is 3 but the index is 1234567' });
  });
});
