// Moving values between IR values and memory: loads and stores of scalars and (ptr, len) pairs,
// and copies of aggregates — inline up to 64 bytes, through `memcpy` above (as rustc's LLVM does,
// which is why a kernel without compiler-builtins-mem fails to link with "undefined symbol: memcpy").
import { c, v, type Operand, type ScalarType } from '../ir/types.ts';
import type { Ty } from '../thir/ty.ts';
import { readMem, readStoreRepr, type FnCx, type Store, type Val } from './context.ts';
import { ice } from './errors.ts';
import { reprOf, type Repr } from './repr.ts';

export const INLINE_COPY_LIMIT = 64;

export function callMemcpy(cx: FnCx, dst: Operand, src: Operand, bytes: Operand): void {
  cx.mc.declareExtern('memcpy', ['ptr', 'ptr', 'usize'], 'ptr');
  cx.b.call('memcpy', [dst, src, bytes], 'ptr');
}

export function callMemmove(cx: FnCx, dst: Operand, src: Operand, bytes: Operand): void {
  cx.mc.declareExtern('memmove', ['ptr', 'ptr', 'usize'], 'ptr');
  cx.b.call('memmove', [dst, src, bytes], 'ptr');
}

export function callMemset(cx: FnCx, dst: Operand, byte: Operand, bytes: Operand): void {
  // C's memset takes the byte as an int.
  cx.mc.declareExtern('memset', ['ptr', 'i32', 'usize'], 'ptr');
  const asInt = byte.kind === 'const' ? c('i32', byte.value) : cx.b.cast('i32', byte);
  cx.b.call('memset', [dst, asInt, bytes], 'ptr');
}

const CHUNKS: [number, ScalarType][] = [[8, 'u64'], [4, 'u32'], [2, 'u16'], [1, 'u8']];

/** Copies `size` bytes from src to dst (both aligned to `align`). */
export function copyBytes(cx: FnCx, dst: Operand, src: Operand, size: number, align: number, volatile = false): void {
  if (size === 0) return;
  if (size > INLINE_COPY_LIMIT && !volatile) { callMemcpy(cx, dst, src, c('usize', size)); return; }
  let off = 0;
  for (const [bytes, type] of CHUNKS) {
    if (bytes > align && bytes > 1) continue;
    while (size - off >= bytes) {
      const x = cx.b.load(type, off ? cx.b.ptrAdd(src, off) : src, volatile);
      cx.b.store(off ? cx.b.ptrAdd(dst, off) : dst, x, volatile);
      off += bytes;
    }
  }
}

/** Fills `size` bytes at dst with zero (memset above the inline limit). */
export function zeroBytes(cx: FnCx, dst: Operand, size: number, align: number): void {
  if (size > INLINE_COPY_LIMIT) { callMemset(cx, dst, c('u8', 0), c('usize', size)); return; }
  let off = 0;
  for (const [bytes, type] of CHUNKS) {
    if (bytes > align && bytes > 1) continue;
    while (size - off >= bytes) { cx.b.store(off ? cx.b.ptrAdd(dst, off) : dst, c(type, 0)); off += bytes; }
  }
}

export function writeMemRepr(cx: FnCx, a: Operand, val: Val, r: Repr, volatile = false): void {
  switch (r.kind) {
    case 'scalar': if (val.k !== 's') ice(`storing a ${val.k} value as a scalar`); cx.b.store(a, val.o, volatile); return;
    case 'fat': if (val.k !== 'f') ice(`storing a ${val.k} value as a fat pointer`); cx.b.store(a, val.p, volatile); cx.b.store(cx.b.ptrAdd(a, 8), val.n, volatile); return;
    case 'agg': if (val.k !== 'm') ice(`storing a ${val.k} value as an aggregate`); copyBytes(cx, a, val.a, r.layout.size, r.layout.align, volatile); return;
    default: return;
  }
}

export function writeMem(cx: FnCx, a: Operand, val: Val, ty: Ty, volatile = false): void {
  writeMemRepr(cx, a, val, reprOf(ty), volatile);
}

export function readMemTy(cx: FnCx, a: Operand, ty: Ty, volatile = false): Val {
  return readMem(cx, a, reprOf(ty), volatile);
}

export function writeStore(cx: FnCx, s: Store, val: Val, ty: Ty): void {
  switch (s.k) {
    case 'z': return;
    case 'mem': writeMem(cx, s.a, val, ty); return;
    case 'vals':
      if (val.k === 's') cx.b.assign(s.ids[0]!, val.o);
      else if (val.k === 'f') { cx.b.assign(s.ids[0]!, val.p); cx.b.assign(s.ids[1]!, val.n); }
      else ice(`writing a ${val.k} value into IR values`);
  }
}

export function readStore(cx: FnCx, s: Store, ty: Ty): Val {
  return readStoreRepr(cx, s, reprOf(ty));
}

/** The value in fresh memory (a temporary the caller may hand over or take the address of). */
export function spill(cx: FnCx, val: Val, ty: Ty): Operand {
  const r = reprOf(ty);
  if (val.k === 'm' && val.temp) return val.a;
  if (r.kind === 'zst' || r.kind === 'never') return cx.dangling(r.kind === 'zst' ? r.align : 1);
  const size = r.kind === 'scalar' ? Math.max(1, (r.type === 'bool' ? 1 : bytesOfScalar(r.type))) : r.kind === 'fat' ? 16 : r.layout.size;
  const align = r.kind === 'agg' ? r.layout.align : size;
  const a = cx.tempSlot(size, align);
  writeMemRepr(cx, a, val, r);
  return a;
}

function bytesOfScalar(t: ScalarType): number {
  switch (t) {
    case 'i8': case 'u8': case 'bool': return 1;
    case 'i16': case 'u16': return 2;
    case 'i32': case 'u32': case 'char': return 4;
    case 'i128': case 'u128': return 16;
    default: return 8;
  }
}

/** A copy of a scalar operand that later code may not change (reading a local held in an IR value). */
export function freeze(cx: FnCx, val: Val, ty: Ty): Val {
  const r = reprOf(ty);
  if (val.k === 's' && val.o.kind === 'value' && r.kind === 'scalar') return { k: 's', o: cx.b.copy(r.type, val.o) };
  if (val.k === 'f') return { k: 'f', p: val.p.kind === 'value' ? cx.b.copy('ptr', val.p) : val.p, n: val.n.kind === 'value' ? cx.b.copy('usize', val.n) : val.n };
  if (val.k === 'm' && !val.temp && r.kind === 'agg') return { k: 'm', a: spill(cx, val, ty), temp: true };
  return val;
}

export { v };
