// Writes an ELF64 x86-64 executable from a finished description: program headers, section
// contents at their file offsets, the section header table at the end.
import { alignUp, ByteWriter } from './bytes.ts';
import {
  ELF_HEADER_SIZE, ELFCLASS64, ELFDATA2LSB, EM_X86_64, ET_EXEC, EV_CURRENT, PROGRAM_HEADER_SIZE,
  SECTION_HEADER_SIZE, SHT_NOBITS,
} from './constants.ts';

export interface ElfProgramHeader {
  type: number;
  flags: number;
  offset: number;
  vaddr: bigint | number;
  filesz: number;
  memsz: number;
  align: number;
}

export interface ElfSectionHeader {
  name: string;
  type: number;
  flags: number;
  addr: bigint | number;
  offset: number;
  size: number;
  link: number;
  info: number;
  addralign: number;
  entsize: number;
  /** Contents written at `offset` (absent for SHT_NOBITS and the null section). */
  data?: Uint8Array;
}

export interface ElfExecutable {
  entry: bigint;
  /** e_ident[EI_OSABI]. */
  osabi?: number;
  programHeaders: ElfProgramHeader[];
  /** sections[0] must be the null section; .shstrtab is generated from the names. */
  sections: ElfSectionHeader[];
  /** Index of .shstrtab in `sections` (its data and size are filled in here). */
  shstrndx: number;
}

export function writeElfExecutable(exe: ElfExecutable): Uint8Array {
  let end = ELF_HEADER_SIZE + exe.programHeaders.length * PROGRAM_HEADER_SIZE;
  for (const s of exe.sections) if (s.type !== SHT_NOBITS && s.data) end = Math.max(end, s.offset + s.data.length);
  const shoff = alignUp(end, 8);
  const w = new ByteWriter(shoff + exe.sections.length * SECTION_HEADER_SIZE);

  w.set(0, new Uint8Array([0x7f, 0x45, 0x4c, 0x46, ELFCLASS64, ELFDATA2LSB, EV_CURRENT, exe.osabi ?? 0]));
  w.u16(16, ET_EXEC);
  w.u16(18, EM_X86_64);
  w.u32(20, EV_CURRENT);
  w.u64(24, exe.entry);
  w.u64(32, ELF_HEADER_SIZE);
  w.u64(40, shoff);
  w.u32(48, 0);
  w.u16(52, ELF_HEADER_SIZE);
  w.u16(54, PROGRAM_HEADER_SIZE);
  w.u16(56, exe.programHeaders.length);
  w.u16(58, SECTION_HEADER_SIZE);
  w.u16(60, exe.sections.length);
  w.u16(62, exe.shstrndx);

  exe.programHeaders.forEach((p, i) => {
    const o = ELF_HEADER_SIZE + i * PROGRAM_HEADER_SIZE;
    w.u32(o, p.type);
    w.u32(o + 4, p.flags);
    w.u64(o + 8, p.offset);
    w.u64(o + 16, BigInt(p.vaddr));
    w.u64(o + 24, BigInt(p.vaddr));
    w.u64(o + 32, p.filesz);
    w.u64(o + 40, p.memsz);
    w.u64(o + 48, p.align);
  });

  exe.sections.forEach((s, i) => {
    if (s.data && s.type !== SHT_NOBITS) w.set(s.offset, s.data);
    const o = shoff + i * SECTION_HEADER_SIZE;
    w.u32(o, nameOffsets(exe)[i]!);
    w.u32(o + 4, s.type);
    w.u64(o + 8, s.flags);
    w.u64(o + 16, BigInt(s.addr));
    w.u64(o + 24, s.offset);
    w.u64(o + 32, s.size);
    w.u32(o + 40, s.link);
    w.u32(o + 44, s.info);
    w.u64(o + 48, s.addralign);
    w.u64(o + 56, s.entsize);
  });
  return w.bytes;
}

const nameCache = new WeakMap<ElfExecutable, number[]>();

/** Offsets of the section names inside .shstrtab (see buildShstrtab). */
function nameOffsets(exe: ElfExecutable): number[] {
  let offsets = nameCache.get(exe);
  if (!offsets) {
    offsets = buildShstrtab(exe.sections.map((s) => s.name)).offsets;
    nameCache.set(exe, offsets);
  }
  return offsets;
}

/** A section-name string table: NUL, then each name once, in header order. */
export function buildShstrtab(names: readonly string[]): { data: Uint8Array; offsets: number[] } {
  const seen = new Map<string, number>();
  const parts: number[] = [0];
  const offsets = names.map((name) => {
    if (name === '') return 0;
    const known = seen.get(name);
    if (known !== undefined) return known;
    const off = parts.length;
    for (const b of new TextEncoder().encode(name)) parts.push(b);
    parts.push(0);
    seen.set(name, off);
    return off;
  });
  return { data: new Uint8Array(parts), offsets };
}
