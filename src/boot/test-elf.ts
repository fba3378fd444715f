// Test helper: wraps flat code and data into a minimal ELF64 executable (header, one program
// header per segment, each segment's bytes at a page-aligned file offset with the same
// in-page offset as its address). Used by the tests to make kernels, good and bad, without
// external tools; the header fields can be overridden to make broken files.

export interface TestSegment {
  vaddr: bigint;
  /** PF_X = 1, PF_W = 2, PF_R = 4 */
  flags: number;
  data: Uint8Array;
  /** Memory size; more than data.length means zero-filled (.bss). */
  memsz?: bigint;
  /** Program-header type (default PT_LOAD = 1). */
  type?: number;
}

export interface TestElfOptions {
  entry: bigint;
  segments: TestSegment[];
  elfClass?: number;
  machine?: number;
  type?: number;
}

export const PF_X = 1;
export const PF_W = 2;
export const PF_R = 4;

export function makeElf64(opts: TestElfOptions): Uint8Array {
  const phoff = 64;
  const offsets: number[] = [];
  let end = phoff + 56 * opts.segments.length;
  for (const seg of opts.segments) {
    const inPage = Number(seg.vaddr & 0xfffn);
    let offset = Math.ceil(end / 0x1000) * 0x1000 + inPage;
    if (offset - 0x1000 >= end) offset -= 0x1000;
    offsets.push(offset);
    end = offset + seg.data.length;
  }
  const file = new Uint8Array(end);
  const view = new DataView(file.buffer);
  file.set([0x7f, 0x45, 0x4c, 0x46, opts.elfClass ?? 2, 1, 1], 0);
  view.setUint16(16, opts.type ?? 2, true);
  view.setUint16(18, opts.machine ?? 62, true);
  view.setUint32(20, 1, true);
  view.setBigUint64(24, opts.entry, true);
  view.setBigUint64(32, BigInt(phoff), true);
  view.setUint16(52, 64, true);
  view.setUint16(54, 56, true);
  view.setUint16(56, opts.segments.length, true);
  opts.segments.forEach((seg, i) => {
    const ph = phoff + 56 * i;
    view.setUint32(ph, seg.type ?? 1, true);
    view.setUint32(ph + 4, seg.flags, true);
    view.setBigUint64(ph + 8, BigInt(offsets[i]!), true);
    view.setBigUint64(ph + 16, seg.vaddr, true);
    view.setBigUint64(ph + 24, seg.vaddr, true);
    view.setBigUint64(ph + 32, BigInt(seg.data.length), true);
    view.setBigUint64(ph + 40, seg.memsz ?? BigInt(seg.data.length), true);
    view.setBigUint64(ph + 48, 0x1000n, true);
    file.set(seg.data, offsets[i]!);
  });
  return file;
}
