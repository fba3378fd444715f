// Reads back the parts of an ELF64 executable that tests and tools look at: the entry point,
// program headers, section headers with names, and the symbol table.
import { ByteReader } from './bytes.ts';
import { ELFCLASS64, SECTION_HEADER_SIZE, SHT_SYMTAB, SYMBOL_SIZE } from './constants.ts';
import { ElfFormatError, isElf } from './reader.ts';

export interface ExecutableInfo {
  type: number;
  machine: number;
  entry: bigint;
  programHeaders: { type: number; flags: number; offset: number; vaddr: number; vaddrExact: bigint; filesz: number; memsz: number; align: number }[];
  sections: { name: string; type: number; flags: number; addr: number; addrExact: bigint; offset: number; size: number; link: number; info: number; align: number; entsize: number }[];
  symbols: { name: string; value: bigint; size: bigint; type: number; binding: number; visibility: number; shndx: number }[];
}

export function readElfExecutable(bytes: Uint8Array): ExecutableInfo {
  if (!isElf(bytes) || bytes.length < 64) throw new ElfFormatError('not an ELF file');
  const r = new ByteReader(bytes);
  if (r.u8(4) !== ELFCLASS64) throw new ElfFormatError('not a 64-bit ELF file');
  const phoff = r.size(32);
  const shoff = r.size(40);
  const phnum = r.u16(56);
  const shnum = r.u16(60);
  const shstrndx = r.u16(62);
  const programHeaders = [];
  for (let i = 0; i < phnum; i++) {
    const o = phoff + i * 56;
    // Addresses as numbers (exact below 2^53; a higher-half address is rounded): the exact value is in vaddrExact.
    programHeaders.push({ type: r.u32(o), flags: r.u32(o + 4), offset: r.size(o + 8), vaddr: Number(r.u64(o + 16)), vaddrExact: r.u64(o + 16), filesz: r.size(o + 32), memsz: r.size(o + 40), align: r.size(o + 48) });
  }
  const raw = [];
  for (let i = 0; i < shnum; i++) {
    const o = shoff + i * SECTION_HEADER_SIZE;
    raw.push({ nameOff: r.u32(o), type: r.u32(o + 4), flags: Number(r.u64(o + 8)), addr: Number(r.u64(o + 16)), addrExact: r.u64(o + 16), offset: r.size(o + 24), size: r.size(o + 32), link: r.u32(o + 40), info: r.u32(o + 44), align: r.size(o + 48), entsize: r.size(o + 56) });
  }
  const strtabOffset = raw[shstrndx]?.offset ?? 0;
  const sections = raw.map(({ nameOff, ...s }) => ({ name: r.cString(strtabOffset + nameOff), ...s }));
  const symbols = [];
  const symtab = sections.find((s) => s.type === SHT_SYMTAB);
  if (symtab) {
    const strtab = sections[symtab.link]!;
    for (let i = 1; i < symtab.size / SYMBOL_SIZE; i++) {
      const o = symtab.offset + i * SYMBOL_SIZE;
      const info = r.u8(o + 4);
      symbols.push({ name: r.cString(strtab.offset + r.u32(o)), value: r.u64(o + 8), size: r.u64(o + 16), type: info & 0xf, binding: info >> 4, visibility: r.u8(o + 5) & 3, shndx: r.u16(o + 6) });
    }
  }
  return { type: r.u16(16), machine: r.u16(18), entry: r.u64(24), programHeaders, sections, symbols };
}
