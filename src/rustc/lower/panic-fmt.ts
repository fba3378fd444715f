// Panics whose message has runtime numbers (`index out of bounds: the len is 3 but the index is
// 5`, `range end index 9 out of range for slice of length 4`): the IR `panic` terminator only
// carries a fixed string, so such a check calls a helper function this module defines (as rustc
// calls core's `panic_bounds_check`), which writes "<text1><a><text2><b>" into a stack buffer
// and calls the panic entry with it and a Location placed here. The panic never returns, so the
// buffer outlives every use of the message.
import { FuncBuilder } from '../ir/builder.ts';
import { c, v, type Func, type Operand } from '../ir/types.ts';
import type { Span } from '../span/span.ts';
import type { FnCx, ModuleCx } from './context.ts';

const HELPER = '__bootlab_panic_fmt2';
const enc = new TextEncoder();

/** Emits a call reporting `text1 a text2 b` at `span`; the current block ends (the call never returns). */
export function panicWithNumbers(cx: FnCx, text1: string, a: Operand, text2: string, b: Operand, span: Span): void {
  ensureHelper(cx.mc);
  const t1 = enc.encode(text1);
  const t2 = enc.encode(text2);
  const args = [
    cx.b.staticAddr(cx.mc.dataStatic(t1, 1)), c('usize', t1.length), a,
    cx.b.staticAddr(cx.mc.dataStatic(t2, 1)), c('usize', t2.length), b,
    cx.b.staticAddr(locationStatic(cx.mc, span)),
  ];
  cx.b.call(HELPER, args, 'never');
  cx.finish({ op: 'unreachable' });
}

/** A `core::panic::Location { file: &str, line: u32, col: u32 }` (repr C, 24 bytes) in read-only data. */
function locationStatic(mc: ModuleCx, span: Span): string {
  const loc = mc.location(span);
  const file = mc.dataStatic(enc.encode(loc.file), 1);
  const bytes = new Uint8Array(24);
  const view = new DataView(bytes.buffer);
  view.setBigUint64(8, BigInt(enc.encode(loc.file).length), true);
  view.setUint32(16, loc.line, true);
  view.setUint32(20, loc.col, true);
  return mc.dataStatic(bytes, 8, [{ offset: 0, symbol: file }]);
}

function ensureHelper(mc: ModuleCx): void {
  if (mc.helpers.has(HELPER)) return;
  mc.helpers.set(HELPER, buildHelper(mc.options.panicSymbol));
  mc.defined.add(HELPER);
  mc.declareExtern(mc.options.panicSymbol, ['ptr', 'usize', 'ptr'], 'never');
}

/** fn(t1: ptr, n1: usize, a: usize, t2: ptr, n2: usize, b: usize, loc: ptr) -> ! */
function buildHelper(panicSymbol: string): Func {
  const f = new FuncBuilder(HELPER, ['ptr', 'usize', 'usize', 'ptr', 'usize', 'usize', 'ptr'], 'never', false);
  const buf = f.slotAddr(f.slot('message', 256, 8));
  const digits = f.slotAddr(f.slot('digits', 24, 8));
  const n = f.value('usize');
  f.assign(n, c('usize', 0));
  let label = 0;
  const fresh = (hint: string) => `${hint}${label++}`;
  /** buf[n..] = src[..len]; n += len (byte loop). */
  const append = (src: Operand, len: Operand) => {
    const i = f.value('usize');
    f.assign(i, c('usize', 0));
    const head = fresh('copy'); const body = fresh('copybody'); const done = fresh('copydone');
    f.terminate({ op: 'goto', target: head });
    f.block(head);
    f.terminate({ op: 'branch', cond: f.compare('lt', v(i), len), then: body, else: done });
    f.block(body);
    f.store(f.ptrAdd(f.ptrAdd(buf, 0, v(n), 1), 0, v(i), 1), f.load('u8', f.ptrAdd(src, 0, v(i), 1)));
    f.assign(i, f.binary('add', 'usize', v(i), c('usize', 1)));
    f.terminate({ op: 'goto', target: head });
    f.block(done);
    f.assign(n, f.binary('add', 'usize', v(n), len));
  };
  /** Decimal digits of x, written backwards into `digits`, then appended. */
  const number = (x0: Operand) => {
    const x = f.value('usize'); const k = f.value('usize');
    f.assign(x, x0);
    f.assign(k, c('usize', 24));
    const body = fresh('digit'); const done = fresh('digitsdone');
    f.terminate({ op: 'goto', target: body });
    f.block(body);
    f.assign(k, f.binary('sub', 'usize', v(k), c('usize', 1)));
    const d = f.cast('u8', f.binary('rem', 'usize', v(x), c('usize', 10)));
    f.store(f.ptrAdd(digits, 0, v(k), 1), f.binary('add', 'u8', d, c('u8', 48)));
    f.assign(x, f.binary('div', 'usize', v(x), c('usize', 10)));
    f.terminate({ op: 'branch', cond: f.compare('ne', v(x), c('usize', 0)), then: body, else: done });
    f.block(done);
    append(f.ptrAdd(digits, 0, v(k), 1), f.binary('sub', 'usize', c('usize', 24), v(k)));
  };
  append(f.param(0), f.param(1));
  number(f.param(2));
  append(f.param(3), f.param(4));
  number(f.param(5));
  f.call(panicSymbol, [buf, v(n), f.param(6)], 'never');
  f.terminate({ op: 'unreachable' });
  return f.build();
}
