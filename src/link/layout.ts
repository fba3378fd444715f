// Layout: gathers live input sections into output sections, orders them as rust-lld does for
// a static executable without a linker script, groups them into page-aligned PT_LOAD segments
// (R, then RX, then RW with the RELRO part first) and gives every section an address and a
// file offset. The first segment starts at the image base and holds the ELF and program
// headers; each later segment starts at the next page plus the current offset within a page,
// so the file needs no padding and p_offset stays congruent to p_vaddr modulo the page size.
import { alignUp } from './elf/bytes.ts';
import {
  ELF_HEADER_SIZE, PAGE_SIZE, PF_R, PF_W, PF_X, PROGRAM_HEADER_SIZE, PT_GNU_EH_FRAME, PT_GNU_PROPERTY, PT_GNU_RELRO, PT_GNU_STACK, PT_LOAD, PT_NOTE,
  PT_PHDR, SHF_ALLOC, SHF_EXECINSTR, SHF_GNU_RETAIN, SHF_MERGE, SHF_STRINGS, SHF_TLS, SHF_WRITE, SHT_FINI_ARRAY, SHT_INIT_ARRAY, SHT_NOBITS, SHT_NOTE,
  SHT_PREINIT_ARRAY, SHT_PROGBITS,
} from './elf/constants.ts';
import { buildMergedBlock, mergeKey } from './merge.ts';
import type { Chunk, ChunkContent, InputFile, InputSection, OutputSection } from './types.ts';

export interface ProgramHeader {
  type: number;
  flags: number;
  offset: number;
  /** Virtual address (image base included). */
  vaddr: bigint;
  filesz: number;
  memsz: number;
  align: number;
}

export interface Layout {
  sections: OutputSection[];
  programHeaders: ProgramHeader[];
  /** End of the loaded part of the file (non-loaded sections follow). */
  fileEnd: number;
}

const RELRO_NAMES = new Set(['.data.rel.ro', '.bss.rel.ro', '.ctors', '.dtors', '.jcr', '.init_array', '.fini_array', '.preinit_array', '.got']);

export class OutputSections {
  readonly list: OutputSection[] = [];
  private readonly byName = new Map<string, OutputSection>();

  get(name: string): OutputSection | undefined {
    return this.byName.get(name);
  }

  create(name: string, type: number, flags: number, synthetic: boolean): OutputSection {
    let out = this.byName.get(name);
    if (out) return out;
    out = {
      name, type, flags, align: 1, entsize: 0, chunks: [], order: this.list.length, synthetic, relro: false,
      size: 0, addr: 0, base: 0n, fileOffset: 0, headerIndex: 0,
    };
    this.byName.set(name, out);
    this.list.push(out);
    return out;
  }

  add(out: OutputSection, content: ChunkContent, align: number, size: number): Chunk {
    const chunk: Chunk = { content, align: Math.max(1, align), size, offset: 0 };
    out.chunks.push(chunk);
    out.align = Math.max(out.align, chunk.align);
    return chunk;
  }
}

/** Output sections for the live regular and merge input sections, in input order. */
export function gatherInputSections(files: readonly InputFile[], commons: readonly InputSection[]): OutputSections {
  const outputs = new OutputSections();
  const mergeChunks = new Map<string, { chunk: Chunk; inputs: InputSection[] }>();
  const place = (input: InputSection) => {
    const s = input.section;
    const out = outputs.create(input.outputName, s.type, s.flags & (SHF_ALLOC | SHF_WRITE | SHF_EXECINSTR | SHF_TLS | SHF_MERGE | SHF_STRINGS | SHF_GNU_RETAIN), false);
    // Flags are the union of the inputs'; the entry size survives only when all inputs agree.
    const firstInput = out.chunks.length === 0;
    out.flags |= s.flags & (SHF_ALLOC | SHF_WRITE | SHF_EXECINSTR | SHF_TLS | SHF_MERGE | SHF_STRINGS | SHF_GNU_RETAIN);
    if (firstInput) out.entsize = s.entsize;
    else if (out.entsize !== s.entsize) out.entsize = 0;
    // A section that mixes file contents with .bss-like inputs must hold bytes.
    if (out.type === SHT_NOBITS && s.type !== SHT_NOBITS) out.type = s.type === SHT_NOTE ? SHT_NOTE : SHT_PROGBITS;
    input.output = out;
    if (input.kind === 'merge') {
      const key = `${out.name}|${mergeKey(input)}`;
      const known = mergeChunks.get(key);
      if (known) {
        known.inputs.push(input);
        known.chunk.align = Math.max(known.chunk.align, s.addralign);
        out.align = Math.max(out.align, s.addralign);
      } else {
        const inputs = [input];
        const chunk = outputs.add(out, { kind: 'merge', inputs, data: new Uint8Array(0) }, s.addralign, 0);
        mergeChunks.set(key, { chunk, inputs });
      }
      return;
    }
    outputs.add(out, { kind: 'input', input }, s.addralign, s.size);
  };
  for (const file of files) {
    for (const input of file.sections) {
      if (!input || !input.live) continue;
      if (input.kind === 'regular' || input.kind === 'merge') place(input);
    }
  }
  for (const input of commons) if (input.live) place(input);
  sortConstructors(outputs);
  // Deduplicate merge pieces now that every input of each block is known.
  for (const { chunk, inputs } of mergeChunks.values()) {
    const data = buildMergedBlock(inputs, chunk.align);
    chunk.content = { kind: 'merge', inputs, data };
    chunk.size = data.length;
  }
  return outputs;
}

export interface LayoutOptions {
  /** The first loaded byte's address; addresses are computed relative to it. */
  imageBase: bigint;
  /** -z relro (the default): RELRO sections get their own segment and PT_GNU_RELRO. */
  relro: boolean;
  /** -z now: .got.plt is RELRO too. */
  now: boolean;
}

function isRelro(out: OutputSection, opts: LayoutOptions): boolean {
  if (!opts.relro) return false;
  if (out.relroPadding) return true;
  if (out.name === '.got.plt' && out.synthetic) return opts.now && (out.flags & SHF_WRITE) !== 0;
  if (!(out.flags & SHF_ALLOC) || !(out.flags & SHF_WRITE)) return false;
  if (out.flags & SHF_TLS) return true;
  if (out.type === SHT_INIT_ARRAY || out.type === SHT_FINI_ARRAY || out.type === SHT_PREINIT_ARRAY) return true;
  return RELRO_NAMES.has(out.name);
}

function permissionRank(out: OutputSection): number {
  const w = (out.flags & SHF_WRITE) !== 0;
  const x = (out.flags & SHF_EXECINSTR) !== 0;
  if (!w && !x) return 0;
  if (!w && x) return 1;
  if (w && x) return 2;
  return 3;
}

function sortKey(out: OutputSection): number[] {
  if (!(out.flags & SHF_ALLOC)) return [1, 0, 0, 0, 0, out.order];
  return [
    0,
    permissionRank(out),
    out.relro ? 0 : 1,
    out.relroPadding ? 3 : out.flags & SHF_TLS ? 0 : out.type === SHT_NOBITS ? 2 : 1,
    out.type === SHT_NOTE ? 0 : 1,
    out.order,
  ];
}

function compareKeys(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

function segmentFlags(out: OutputSection): number {
  return PF_R | (out.flags & SHF_WRITE ? PF_W : 0) | (out.flags & SHF_EXECINSTR ? PF_X : 0);
}

/** Places chunks inside each output section and computes section sizes. */
export function sizeSections(outputs: readonly OutputSection[]): void {
  for (const out of outputs) {
    let off = 0;
    for (const chunk of out.chunks) {
      off = alignUp(off, chunk.align);
      chunk.offset = off;
      if (chunk.content.kind === 'input') chunk.content.input.outputOffset = off;
      if (chunk.content.kind === 'merge') for (const input of chunk.content.inputs) input.outputOffset = off;
      off += chunk.size;
    }
    if (!out.relroPadding) out.size = off;
  }
}

export function assignAddresses(outputSections: OutputSections, opts: LayoutOptions): Layout {
  // Layout works relative to the image base (which is page-aligned and aligned for every
  // section, so congruences and alignments are the same relative or absolute).
  const imageBase = 0;
  const all = outputSections.list.filter((o) => o.chunks.length > 0 || o.synthetic);
  for (const out of all) out.relro = isRelro(out, opts);
  if (all.some((o) => o.relro && o.flags & SHF_ALLOC)) {
    const padding = outputSections.create('.relro_padding', SHT_NOBITS, SHF_ALLOC | SHF_WRITE, true);
    padding.relroPadding = true;
    padding.relro = true;
    all.push(padding);
  }
  sizeSections(all);
  const sorted = all.map((o, i) => ({ o, i })).sort((a, b) => compareKeys(sortKey(a.o), sortKey(b.o)) || a.i - b.i).map((x) => x.o);
  const alloc = sorted.filter((o) => o.flags & SHF_ALLOC);

  // Decide where segments start before addresses, since the header count fixes where the
  // first section goes.
  const startsLoad = new Set<OutputSection>();
  let headersOnlyLoad = false;
  let prev: OutputSection | undefined;
  for (const out of alloc) {
    if (!prev) {
      if (segmentFlags(out) !== PF_R) {
        headersOnlyLoad = true;
        startsLoad.add(out);
      }
    } else if (segmentFlags(out) !== segmentFlags(prev) || (prev.relro && !out.relro)) {
      startsLoad.add(out);
    }
    prev = out;
  }
  // One PT_LOAD holds the headers (alone, or with the first read-only sections), plus one per start.
  const loadCount = 1 + startsLoad.size;
  let noteRuns = 0;
  alloc.forEach((o, i) => {
    if (o.type === SHT_NOTE && (i === 0 || alloc[i - 1]!.type !== SHT_NOTE)) noteRuns++;
  });
  const hasRelro = alloc.some((o) => o.relro);
  const ehFrameHdr = alloc.find((o) => o.name === '.eh_frame_hdr' && o.synthetic);
  const gnuProperty = alloc.find((o) => o.name === '.note.gnu.property' && o.synthetic);
  const phnum = 1 + loadCount + (hasRelro ? 1 : 0) + (ehFrameHdr ? 1 : 0) + 1 + (gnuProperty ? 1 : 0) + noteRuns;
  const headersSize = ELF_HEADER_SIZE + phnum * PROGRAM_HEADER_SIZE;

  // A segment's alignment is the page size or its most aligned section's alignment, whichever
  // is larger; file offsets are congruent to addresses modulo it.
  const segmentAlign = new Map<OutputSection | undefined, number>();
  {
    let key: OutputSection | undefined = undefined;
    segmentAlign.set(undefined, PAGE_SIZE);
    for (const out of alloc) {
      if (startsLoad.has(out)) key = out;
      segmentAlign.set(key, Math.max(segmentAlign.get(key) ?? PAGE_SIZE, out.align));
    }
  }
  let dot = imageBase + headersSize;
  let off = headersSize;
  let endBeforePadding = dot;
  interface Segment { first: OutputSection | undefined; sections: OutputSection[]; flags: number }
  const segments: Segment[] = [{ first: undefined, sections: [], flags: PF_R }];
  for (const out of alloc) {
    let segment = segments[segments.length - 1]!;
    if (startsLoad.has(out)) {
      const e = endBeforePadding;
      dot = alignUp(e, PAGE_SIZE) === e ? e : alignUp(e, PAGE_SIZE) + (e % PAGE_SIZE);
      segment = { first: out, sections: [], flags: segmentFlags(out) };
      segments.push(segment);
    }
    dot = alignUp(dot, out.align);
    out.addr = dot;
    if (out.relroPadding) out.size = alignUp(dot, PAGE_SIZE) - dot;
    if (segment.first === out) out.fileOffset = alignToCongruent(off, segmentAlign.get(out)!, out.addr);
    else if (out.type === SHT_NOBITS) out.fileOffset = off;
    else if (segment.first) out.fileOffset = segment.first.fileOffset + (out.addr - segment.first.addr);
    else out.fileOffset = out.addr - imageBase;
    segment.sections.push(out);
    if (!out.relroPadding) endBeforePadding = dot + out.size;
    dot += out.size;
    if (out.type !== SHT_NOBITS) off = out.fileOffset + out.size;
  }

  const headers: (Omit<ProgramHeader, 'vaddr'> & { vaddr: number })[] = [
    { type: PT_PHDR, flags: PF_R, offset: ELF_HEADER_SIZE, vaddr: imageBase + ELF_HEADER_SIZE, filesz: phnum * PROGRAM_HEADER_SIZE, memsz: phnum * PROGRAM_HEADER_SIZE, align: 8 },
  ];
  for (const seg of segments) {
    const offset = seg.first ? seg.first.fileOffset : 0;
    const vaddr = seg.first ? seg.first.addr : imageBase;
    let fileEnd = seg.first ? offset : headersSize;
    let memEnd = seg.first ? vaddr : imageBase + headersSize;
    for (const s of seg.sections) {
      if (s.type !== SHT_NOBITS) fileEnd = s.fileOffset + s.size;
      memEnd = s.addr + s.size;
    }
    headers.push({ type: PT_LOAD, flags: seg.flags, offset, vaddr, filesz: fileEnd - offset, memsz: memEnd - vaddr, align: segmentAlign.get(seg.first)! });
  }
  if (hasRelro) {
    const relro = alloc.filter((o) => o.relro);
    const first = relro[0]!;
    let fileEnd = first.fileOffset;
    for (const s of relro) if (s.type !== SHT_NOBITS) fileEnd = s.fileOffset + s.size;
    const last = relro[relro.length - 1]!;
    headers.push({ type: PT_GNU_RELRO, flags: PF_R, offset: first.fileOffset, vaddr: first.addr, filesz: fileEnd - first.fileOffset, memsz: last.addr + last.size - first.addr, align: 1 });
  }
  if (ehFrameHdr) {
    const h = ehFrameHdr;
    headers.push({ type: PT_GNU_EH_FRAME, flags: PF_R, offset: h.fileOffset, vaddr: h.addr, filesz: h.size, memsz: h.size, align: h.align });
  }
  headers.push({ type: PT_GNU_STACK, flags: PF_R | PF_W, offset: 0, vaddr: 0, filesz: 0, memsz: 0, align: 0 });
  if (gnuProperty) {
    const g = gnuProperty;
    headers.push({ type: PT_GNU_PROPERTY, flags: PF_R, offset: g.fileOffset, vaddr: g.addr, filesz: g.size, memsz: g.size, align: g.align });
  }
  for (let i = 0; i < alloc.length; i++) {
    const o = alloc[i]!;
    if (o.type !== SHT_NOTE || (i > 0 && alloc[i - 1]!.type === SHT_NOTE)) continue;
    let j = i;
    while (j + 1 < alloc.length && alloc[j + 1]!.type === SHT_NOTE) j++;
    const last = alloc[j]!;
    headers.push({ type: PT_NOTE, flags: PF_R, offset: o.fileOffset, vaddr: o.addr, filesz: last.fileOffset + last.size - o.fileOffset, memsz: last.addr + last.size - o.addr, align: o.align });
  }
  if (headers.length !== phnum) throw new Error(`internal: ${headers.length} program headers, expected ${phnum}`);
  // A PT_LOAD holding only empty sections is dropped after layout, as lld drops it: the room
  // reserved for its header and the PT_PHDR size stay as they were.
  const kept = headers.filter((h, i) => !(h.type === PT_LOAD && h.memsz === 0 && i > 1));
  for (const out of alloc) out.base = opts.imageBase;
  const absolute = kept.map((h) => ({ ...h, vaddr: h.type === PT_GNU_STACK ? 0n : opts.imageBase + BigInt(h.vaddr) }));
  return { sections: sorted, programHeaders: absolute, fileEnd: Math.max(off, headersSize) };
}

/** The smallest value >= off that is congruent to addr modulo align. */
function alignToCongruent(off: number, align: number, addr: number): number {
  const want = addr % align;
  const have = off % align;
  return off + ((want - have + align) % align);
}

/**
 * Constructor tables run in priority order, as every ELF linker arranges them: .init_array.N
 * and .fini_array.N by N with the unnumbered ones last; .ctors/.dtors by their suffix, so the
 * unnumbered ones come first (the sections' own order is reversed at run time).
 */
function sortConstructors(outputs: OutputSections): void {
  const priority = (name: string) => {
    const dot = name.lastIndexOf('.');
    const n = dot > 0 && /^\d+$/.test(name.slice(dot + 1)) ? Number(name.slice(dot + 1)) : 65536;
    return n;
  };
  const sortBy = (out: OutputSection | undefined, key: (c: Chunk) => number | string) => {
    if (!out) return;
    const keyed = out.chunks.map((c, i) => ({ c, i, k: key(c) }));
    keyed.sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : a.i - b.i));
    out.chunks.splice(0, out.chunks.length, ...keyed.map((x) => x.c));
  };
  const inputName = (c: Chunk) => (c.content.kind === 'input' ? c.content.input.section.name : '');
  for (const name of ['.init_array', '.fini_array']) sortBy(outputs.get(name), (c) => priority(inputName(c)));
  for (const name of ['.ctors', '.dtors']) sortBy(outputs.get(name), (c) => inputName(c).slice(6));
}
