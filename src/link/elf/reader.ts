// Reads a relocatable ELF64 x86-64 object (ET_REL) into the linker's object model.
// Malformed input throws ElfFormatError with a message naming the file and the problem.
import type { ObjectFile, ObjectSection, ObjectSymbol, Relocation } from '../object.ts';
import { ByteReader } from './bytes.ts';
import {
  ELFCLASS64, ELFDATA2LSB, EM_X86_64, ET_REL, RELA_SIZE, REL_SIZE, SECTION_HEADER_SIZE, SHN_LORESERVE,
  SHN_XINDEX, SHT_NOBITS, SHT_NULL, SHT_REL, SHT_RELA, SHT_SYMTAB, SHT_SYMTAB_SHNDX, SYMBOL_SIZE,
} from './constants.ts';

export class ElfFormatError extends Error {
  override name = 'ElfFormatError';
}

interface RawSectionHeader {
  name: number;
  type: number;
  flags: number;
  offset: number;
  size: number;
  link: number;
  info: number;
  addralign: number;
  entsize: number;
}

export function isElf(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x7f && bytes[1] === 0x45 && bytes[2] === 0x4c && bytes[3] === 0x46;
}

export function readElfObject(bytes: Uint8Array, name = 'a.o'): ObjectFile {
  const fail = (msg: string): never => {
    throw new ElfFormatError(`${name}: ${msg}`);
  };
  if (!isElf(bytes)) fail('not an ELF file');
  if (bytes.length < 64) fail('file is too short for an ELF header');
  const r = new ByteReader(bytes);
  if (r.u8(4) !== ELFCLASS64) fail('not a 64-bit ELF file (ELFCLASS32 is not supported)');
  if (r.u8(5) !== ELFDATA2LSB) fail('not a little-endian ELF file');
  if (r.u16(16) !== ET_REL) fail('not a relocatable object (ET_REL)');
  if (r.u16(18) !== EM_X86_64) fail(`is for machine ${r.u16(18)}, not x86-64 (EM_X86_64)`);
  const shoff = r.size(0x28);
  const shentsize = r.u16(0x3a);
  let shnum = r.u16(0x3c);
  let shstrndx = r.u16(0x3e);
  if (shoff === 0) fail('no section header table');
  if (shentsize !== SECTION_HEADER_SIZE) fail(`unexpected section header size ${shentsize}`);
  if (shoff + SECTION_HEADER_SIZE > bytes.length) fail('section header table is outside the file');
  // With 0xff00 sections or more, the real counts live in section header 0.
  if (shnum === 0) shnum = r.size(shoff + 0x20);
  if (shstrndx === SHN_XINDEX) shstrndx = r.u32(shoff + 0x28);
  if (shoff + shnum * SECTION_HEADER_SIZE > bytes.length) fail('section header table is truncated');

  const headers: RawSectionHeader[] = [];
  for (let i = 0; i < shnum; i++) {
    const h = shoff + i * SECTION_HEADER_SIZE;
    const header: RawSectionHeader = {
      name: r.u32(h),
      type: r.u32(h + 4),
      flags: Number(r.u64(h + 8) & 0xffffffffn),
      offset: r.size(h + 0x18),
      size: r.size(h + 0x20),
      link: r.u32(h + 0x28),
      info: r.u32(h + 0x2c),
      addralign: r.size(h + 0x30),
      entsize: r.size(h + 0x38),
    };
    if (header.type !== SHT_NOBITS && header.type !== SHT_NULL && header.offset + header.size > bytes.length) {
      fail(`section ${i} is outside the file`);
    }
    if (header.addralign > 1 && (header.addralign & (header.addralign - 1)) !== 0) fail(`section ${i}: sh_addralign is not a power of 2`);
    if (header.addralign > 2 ** 32) fail(`section ${i}: sh_addralign ${header.addralign} is too large`);
    if (header.type === SHT_NOBITS && header.size > 2 ** 40) fail(`section ${i}: size ${header.size} is too large`);
    headers.push(header);
  }
  const shstr = headers[shstrndx];
  if (!shstr) fail('bad section name string table index');
  const sectionName = (h: RawSectionHeader) => r.cString(shstr!.offset + h.name);

  const sections: ObjectSection[] = headers.map((h, i) => ({
    name: i === 0 ? '' : sectionName(h),
    type: h.type,
    flags: h.flags,
    addralign: Math.max(1, h.addralign),
    entsize: h.entsize,
    data: h.type === SHT_NOBITS || h.type === SHT_NULL ? new Uint8Array(0) : bytes.subarray(h.offset, h.offset + h.size),
    size: h.size,
    relocations: [],
    link: h.link,
    info: h.info,
  }));

  const symtabIndex = headers.findIndex((h) => h.type === SHT_SYMTAB);
  const symbols: ObjectSymbol[] = [];
  if (symtabIndex >= 0) {
    const symtab = headers[symtabIndex]!;
    const strtab = headers[symtab.link];
    if (!strtab) fail('symbol table has no string table');
    const shndxSection = headers.find((h) => h.type === SHT_SYMTAB_SHNDX && h.link === symtabIndex);
    const count = Math.floor(symtab.size / SYMBOL_SIZE);
    for (let i = 0; i < count; i++) {
      const s = symtab.offset + i * SYMBOL_SIZE;
      const info = r.u8(s + 4);
      let shndx = r.u16(s + 6);
      if (shndx === SHN_XINDEX && shndxSection) shndx = r.u32(shndxSection.offset + i * 4);
      else if (shndx >= sections.length && shndx < SHN_LORESERVE) fail(`symbol ${i} has a bad section index ${shndx}`);
      symbols.push({
        name: r.cString(strtab!.offset + r.u32(s)),
        value: r.u64(s + 8),
        size: r.u64(s + 16),
        type: info & 0xf,
        binding: info >> 4,
        visibility: r.u8(s + 5) & 3,
        shndx,
      });
    }
  }

  headers.forEach((h, i) => {
    if (h.type !== SHT_RELA && h.type !== SHT_REL) return;
    const target = sections[h.info];
    if (!target || h.info === 0) fail(`relocation section ${i} applies to no section`);
    const entry = h.type === SHT_RELA ? RELA_SIZE : REL_SIZE;
    const count = Math.floor(h.size / entry);
    const relocations: Relocation[] = [];
    for (let k = 0; k < count; k++) {
      const e = h.offset + k * entry;
      const info = r.u64(e + 8);
      const symbol = Number(info >> 32n);
      const type = Number(info & 0xffffffffn);
      if (symbol >= symbols.length) fail(`relocation ${k} in section ${i} names symbol ${symbol}, which does not exist`);
      // SHT_REL keeps the addend in the field itself; x86-64 objects use SHT_RELA.
      const addend = h.type === SHT_RELA ? r.i64(e + 16) : 0n;
      const offset = r.size(e);
      if (offset + relocationFieldSize(type) > target!.size) fail(`relocation ${k} in section ${i} is beyond the end of section ${h.info}`);
      relocations.push({ offset, type, symbol, addend });
    }
    target!.relocations.push(...relocations);
  });

  return { name, sections, symbols, osabi: r.u8(7) };
}

/** Bytes a relocation of this type writes (4 for the types we do not know, the common size). */
function relocationFieldSize(type: number): number {
  switch (type) {
    case 0:
      return 0;
    case 1: // 64
    case 24: // PC64
    case 33: // SIZE64
    case 25: // GOTOFF64
    case 29: // GOTPC64
      return 8;
    case 12: // 16
    case 13: // PC16
      return 2;
    case 14: // 8
    case 15: // PC8
      return 1;
    default:
      return 4;
  }
}
