// Hand-written IR programs compiled (debug and release), booted and run in Bootlab's machine,
// checked against values computed here with BigInt: arithmetic edge cases at every width,
// recursion, structs and arrays in memory laid out by the layout module, statics holding
// pointers, extern "C" calls, and a bounds-check panic reaching the panic function with its
// message and Location.
import { describe, expect, it, vi } from 'vitest';
import { FuncBuilder } from '../../ir/builder.ts';
import { layoutOf } from '../../ir/layout.ts';
import { bitsOf, c, INT_TYPES, isSigned, v, wrap, type CheckedOp, type Func, type IntType, type Module } from '../../ir/types.ts';
import { builtins128 } from './test-builtins128.ts';
import { compileLinkBoot, readKernel } from './test-run.ts';

vi.setConfig({ testTimeout: 300_000 });

const module = (name: string, funcs: Func[], statics: Module['statics'] = []): Module => ({
  name, sourceFile: `${name}.rs`, funcs, statics, externs: [], panicSymbol: 'panic_impl',
});

/** _start calls `body` then exits with code 0x10. */
function start(body: (f: FuncBuilder) => void): Func {
  const f = new FuncBuilder('_start', [], 'never', true);
  body(f);
  f.emit({ op: 'out', port: c('u16', 0xf4), value: c('u32', 0x10) });
  f.emit({ op: 'hlt' });
  return f.build();
}

/** A panic function: writes the message on screen row 1 and exits with the Location's line. */
function panicImpl(): Func {
  const f = new FuncBuilder('panic_impl', ['ptr', 'usize', 'ptr'], 'never', true);
  const i = f.value('usize');
  f.assign(i, c('usize', 0));
  f.terminate({ op: 'goto', target: 'loop' });
  f.block('loop');
  f.terminate({ op: 'branch', cond: f.compare('lt', v(i), f.param(1)), then: 'body', else: 'done' });
  f.block('body');
  const ch = f.load('u8', f.ptrAdd(f.param(0), 0, v(i), 1));
  const cell = f.ptrAdd(f.cast('ptr', c('usize', 0xb8000 + 160)), 0, v(i), 2);
  f.store(cell, ch, true);
  f.store(f.ptrAdd(cell, 1), c('u8', 0x0c), true);
  f.assign(i, f.binary('add', 'usize', v(i), c('usize', 1)));
  f.terminate({ op: 'goto', target: 'loop' });
  f.block('done');
  f.emit({ op: 'out', port: c('u16', 0xf4), value: f.load('u32', f.ptrAdd(f.param(2), 16)) });
  f.emit({ op: 'hlt' });
  return f.build();
}

function emitIn(f: FuncBuilder, type: 'u8' | 'u16' | 'u32') {
  const dst = f.value(type);
  f.emit({ op: 'in', dst, port: c('u16', 0xf4) });
  return v(dst);
}

function edgeValues(t: IntType): bigint[] {
  const bits = BigInt(bitsOf(t));
  const min = isSigned(t) ? -(1n << (bits - 1n)) : 0n;
  const max = isSigned(t) ? (1n << (bits - 1n)) - 1n : (1n << bits) - 1n;
  return [...new Set([0n, 1n, 2n, 3n, min, max, min + 1n, max - 1n, wrap(t, -1n), wrap(t, -2n), max / 2n, max / 2n + 1n, wrap(t, 0x5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5an)])];
}

describe('compiled IR programs on the machine', () => {
  for (const opt of [0, 3] as const) {
    it(`checked and wrapping arithmetic at every width agrees with BigInt (opt-level ${opt})`, () => {
      // One function per type and operation: f(a, b) -> (result, overflow) stored to RESULTS.
      const funcs: Func[] = [];
      const calls: { name: string; t: IntType; a: bigint; b: bigint; kind: CheckedOp }[] = [];
      for (const t of INT_TYPES) {
        for (const kind of ['add', 'sub', 'mul'] as const) {
          if (kind === 'mul' && t === 'i128') continue; // needs __muloti4 from compiler_builtins
          const name = `checked_${kind}_${t}`;
          const f = new FuncBuilder(name, [t, t, 'ptr'], 'unit');
          const r = f.checked(kind, t, f.param(0), f.param(1));
          f.store(f.param(2), r.result);
          f.store(f.ptrAdd(f.param(2), 16), r.overflow);
          f.terminate({ op: 'return' });
          funcs.push(f.build());
          const values = edgeValues(t);
          for (const a of values) for (const b of values) calls.push({ name, t, a, b, kind });
        }
      }
      const run = compileLinkBoot([module('edges', [...funcs, start((f) => {
        const base = f.staticAddr('RESULTS');
        calls.forEach((call, k) => f.call(call.name, [c(call.t, call.a), c(call.t, call.b), f.ptrAdd(base, k * 32)], 'unit'));
      })], [{ name: 'RESULTS', global: false, mutable: true, align: 16, bytes: new Uint8Array(calls.length * 32) }])], opt);
      expect(run.exitCode).toBe(0x10);
      const base = run.symbols.get('RESULTS')!;
      let checked = 0;
      calls.forEach((call, k) => {
        const exact = call.kind === 'add' ? call.a + call.b : call.kind === 'sub' ? call.a - call.b : call.a * call.b;
        const bits = bitsOf(call.t);
        const result = readKernel(run, base + BigInt(k * 32), 16) & ((1n << BigInt(bits)) - 1n);
        const overflow = readKernel(run, base + BigInt(k * 32 + 16), 8) & 0xffn;
        const where = `${call.name}(${call.a}, ${call.b})`;
        expect(result, where).toBe(BigInt.asUintN(bits, exact));
        expect(overflow, where).toBe(wrap(call.t, exact) === exact ? 0n : 1n);
        checked++;
      });
      expect(checked).toBeGreaterThan(3000);
    });
  }

  it('recursion, structs and arrays in slots, statics with pointers, 128-bit division', () => {
    // fib(n) recursively; a repr(C) struct { a: u8, b: u64, c: u16 } filled through field
    // offsets and summed; an array of 8 u32 squares summed by index; a static pointer to a
    // static u64 read through; u128 division through __udivti3.
    const fib = new FuncBuilder('fib', ['u64'], 'u64');
    fib.terminate({ op: 'branch', cond: fib.compare('lt', fib.param(0), c('u64', 2)), then: 'base', else: 'rec' });
    fib.block('base'); fib.terminate({ op: 'return', value: fib.param(0) });
    fib.block('rec');
    const f1 = fib.call('fib', [fib.binary('sub', 'u64', fib.param(0), c('u64', 1))], 'u64')!;
    const f2 = fib.call('fib', [fib.binary('sub', 'u64', fib.param(0), c('u64', 2))], 'u64')!;
    fib.terminate({ op: 'return', value: fib.binary('add', 'u64', f1, f2) });

    const struct = layoutOf({ kind: 'struct', repr: 'C', fields: [{ kind: 'scalar', type: 'u8' }, { kind: 'scalar', type: 'u64' }, { kind: 'scalar', type: 'u16' }] });
    const s = new FuncBuilder('structs', [], 'u64', true);
    const slot = s.slot('point', struct.size, struct.align);
    const p = s.slotAddr(slot);
    s.store(s.ptrAdd(p, struct.offsets[0]!), c('u8', 200));
    s.store(s.ptrAdd(p, struct.offsets[1]!), c('u64', 1n << 40n));
    s.store(s.ptrAdd(p, struct.offsets[2]!), c('u16', 65535));
    const sum = s.binary('add', 'u64', s.cast('u64', s.load('u8', s.ptrAdd(p, struct.offsets[0]!))), s.load('u64', s.ptrAdd(p, struct.offsets[1]!)));
    s.terminate({ op: 'return', value: s.binary('add', 'u64', sum, s.cast('u64', s.load('u16', s.ptrAdd(p, struct.offsets[2]!)))) });

    const a = new FuncBuilder('arrays', [], 'u32', true);
    const arr = a.slot('squares', 32, 4);
    const i = a.value('usize'); const acc = a.value('u32');
    a.assign(i, c('usize', 0)).assign(acc, c('u32', 0));
    a.terminate({ op: 'goto', target: 'fill' });
    a.block('fill');
    const iv = a.cast('u32', v(i));
    a.store(a.ptrAdd(a.slotAddr(arr), 0, v(i), 4), a.binary('mul', 'u32', iv, iv));
    a.assign(i, a.binary('add', 'usize', v(i), c('usize', 1)));
    a.terminate({ op: 'branch', cond: a.compare('lt', v(i), c('usize', 8)), then: 'fill', else: 'sum' });
    a.block('sum');
    a.assign(i, c('usize', 0));
    a.terminate({ op: 'goto', target: 'sumloop' });
    a.block('sumloop');
    a.assign(acc, a.binary('add', 'u32', v(acc), a.load('u32', a.ptrAdd(a.slotAddr(arr), 0, v(i), 4))));
    a.assign(i, a.binary('add', 'usize', v(i), c('usize', 1)));
    a.terminate({ op: 'branch', cond: a.compare('ne', v(i), c('usize', 8)), then: 'sumloop', else: 'out' });
    a.block('out');
    a.terminate({ op: 'return', value: v(acc) });

    const entry = start((f) => {
      const out = f.staticAddr('OUT');
      f.store(out, f.call('fib', [c('u64', 20)], 'u64')!);
      f.store(f.ptrAdd(out, 8), f.call('structs', [], 'u64')!);
      f.store(f.ptrAdd(out, 16), f.cast('u64', f.call('arrays', [], 'u32')!));
      f.store(f.ptrAdd(out, 24), f.load('u64', f.load('ptr', f.staticAddr('POINTER'))));
      f.store(f.ptrAdd(out, 32), f.call('__udivti3', [c('u128', (1n << 100n) + 12345n), c('u128', 1000003n)], 'u128')!);
      // Port input: isa-debug-exit reads as all ones, at every width.
      f.store(f.ptrAdd(out, 64), f.cast('u64', f.binary('add', 'u32', f.cast('u32', emitIn(f, 'u8')), f.cast('u32', emitIn(f, 'u16')))));
      f.store(f.ptrAdd(out, 48), f.call('__modti3', [c('i128', -(1n << 90n) - 7n), c('i128', 1000003n)], 'i128')!);
    });
    const target = new Uint8Array(8);
    new DataView(target.buffer).setBigUint64(0, 0x1234_5678_9abc_def0n, true);
    for (const opt of [0, 3] as const) {
      const run = compileLinkBoot([module('programs', [fib.build(), s.build(), a.build(), entry, ...builtins128()], [
        { name: 'OUT', global: false, mutable: true, align: 16, bytes: new Uint8Array(80) },
        { name: 'TARGET', global: false, mutable: false, align: 8, bytes: target },
        { name: 'POINTER', global: false, mutable: false, align: 8, bytes: new Uint8Array(8), relocs: [{ offset: 0, symbol: 'TARGET' }] },
      ])], opt);
      expect(run.exitCode, `opt ${opt}`).toBe(0x10);
      const out = run.symbols.get('OUT')!;
      expect(readKernel(run, out, 8)).toBe(6765n);
      expect(readKernel(run, out + 8n, 8)).toBe(200n + (1n << 40n) + 65535n);
      expect(readKernel(run, out + 16n, 8)).toBe([0, 1, 2, 3, 4, 5, 6, 7].reduce((x, k) => x + BigInt(k * k), 0n));
      expect(readKernel(run, out + 24n, 8)).toBe(0x1234_5678_9abc_def0n);
      expect(readKernel(run, out + 32n, 16)).toBe(((1n << 100n) + 12345n) / 1000003n);
      expect(readKernel(run, out + 64n, 8)).toBe(0xffn + 0xffffn);
      expect(readKernel(run, out + 48n, 16)).toBe(BigInt.asUintN(128, (-(1n << 90n) - 7n) % 1000003n));
    }
  });

  it('calls with arguments on the stack (System V: the seventh on are pushed)', () => {
    // weigh(a..i) = Σ (k+1) * arg_k over nine arguments of mixed widths, one of them u128 in a
    // register pair (so four go to the stack), called from a function with its own stack slot.
    const types = ['u8', 'i16', 'u128', 'i32', 'u64', 'i8', 'u32', 'i64', 'u16'] as const;
    const w = new FuncBuilder('weigh', [...types], 'i64');
    let sum = c('i64', 0) as ReturnType<typeof w.param>;
    types.forEach((_, k) => { sum = w.binary('add', 'i64', sum, w.binary('mul', 'i64', w.cast('i64', w.param(k)), c('i64', k + 1))); });
    w.terminate({ op: 'return', value: sum });
    const args = [200n, -300n, (1n << 100n) + 5n, -70000n, 1n << 40n, -5n, 4000000000n, -(1n << 50n), 65535n];
    const expected = args.reduce((acc, x, k) => acc + BigInt.asIntN(64, x) * BigInt(k + 1), 0n);
    const entry = start((f) => {
      f.store(f.staticAddr('OUT'), f.call('weigh', types.map((t, k) => c(t, args[k]!)), 'i64')!);
    });
    for (const opt of [0, 3] as const) {
      const run = compileLinkBoot([module('stackargs', [w.build(), entry], [{ name: 'OUT', global: false, mutable: true, align: 8, bytes: new Uint8Array(8) }])], opt);
      expect(run.exitCode, `opt ${opt}`).toBe(0x10);
      expect(BigInt.asIntN(64, readKernel(run, run.symbols.get('OUT')!, 8)), `opt ${opt}`).toBe(BigInt.asIntN(64, expected));
    }
  });

  it('a bounds check panics through the panic function with its message and Location', () => {
    // let a = [0u8; 5]; for i in 0..=5 { a[i] = 1 } — index 5 fails the check `i < len`.
    const f = new FuncBuilder('bounds', [], 'unit', true);
    const arr = f.slot('a', 5, 1);
    const i = f.value('usize');
    f.assign(i, c('usize', 0));
    f.terminate({ op: 'goto', target: 'loop' });
    f.block('loop');
    f.terminate({ op: 'branch', cond: f.compare('lt', v(i), c('usize', 5)), then: 'ok', else: 'fail' });
    f.block('ok');
    f.store(f.ptrAdd(f.slotAddr(arr), 0, v(i), 1), c('u8', 1));
    f.assign(i, f.binary('add', 'usize', v(i), c('usize', 1)));
    f.terminate({ op: 'branch', cond: f.compare('le', v(i), c('usize', 5)), then: 'loop', else: 'end' });
    f.block('end');
    f.terminate({ op: 'return' });
    f.block('fail');
    f.terminate({ op: 'panic', message: 'index out of bounds: the len is 5 but the index is 5', file: 'src/main.rs', line: 42, col: 9 });
    for (const opt of [0, 3] as const) {
      const run = compileLinkBoot([module('bounds', [f.build(), panicImpl(), start((s) => { s.call('bounds', [], 'unit'); })])], opt);
      expect(run.exitCode, `opt ${opt}`).toBe(42);
      expect(run.screen.split('\n')[1]).toBe('index out of bounds: the len is 5 but the index is 5');
    }
  });
});
