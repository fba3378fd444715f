// Writes the object model as a relocatable ELF64 x86-64 file (ET_REL), so what Bootlab's
// compiler produces can be saved as a .o that real tools (readelf, objdump, rust-lld, GNU ld)
// read. The model's sections keep their indexes; .rela.* sections, .symtab, .strtab and
// .shstrtab are appended. ELF wants local symbols first, so symbols are reordered that way
// (relocations follow them).
import type { ObjectFile } from '../object.ts';
import { alignUp, ByteWriter, StringTableBuilder } from './bytes.ts';
import {
  ELF_HEADER_SIZE, ELFCLASS64, ELFDATA2LSB, EM_X86_64, ET_REL, EV_CURRENT, RELA_SIZE, SECTION_HEADER_SIZE, SHF_INFO_LINK,
  SHN_LORESERVE, SHT_NOBITS, SHT_NULL, SHT_RELA, SHT_STRTAB, SHT_SYMTAB, STB_LOCAL, SYMBOL_SIZE,
} from './constants.ts';

interface Header {
  name: string;
  type: number;
  flags: number;
  link: number;
  info: number;
  addralign: number;
  entsize: number;
  data: Uint8Array;
  size: number;
}

export function writeElfObject(object: ObjectFile): Uint8Array {
  const headers: Header[] = object.sections.map((s, i) => ({
    name: i === 0 ? '' : s.name,
    type: i === 0 ? SHT_NULL : s.type,
    flags: s.flags,
    link: s.link,
    info: s.info,
    addralign: i === 0 ? 0 : s.addralign,
    entsize: s.entsize,
    data: s.type === SHT_NOBITS ? new Uint8Array(0) : s.data,
    size: s.type === SHT_NOBITS ? s.size : s.data.length,
  }));
  if (headers.length === 0) headers.push({ name: '', type: SHT_NULL, flags: 0, link: 0, info: 0, addralign: 0, entsize: 0, data: new Uint8Array(0), size: 0 });

  // Symbols: the null one, locals, then the rest; remember where each went.
  const order = object.symbols.map((s, i) => ({ s, i })).filter(({ i }) => i > 0);
  const sorted = [...order.filter(({ s }) => s.binding === STB_LOCAL), ...order.filter(({ s }) => s.binding !== STB_LOCAL)];
  const newIndex = new Map<number, number>([[0, 0]]);
  sorted.forEach(({ i }, k) => newIndex.set(i, k + 1));
  const firstGlobal = 1 + sorted.filter(({ s }) => s.binding === STB_LOCAL).length;

  const strtab = new StringTableBuilder();
  const symtab = new ByteWriter((sorted.length + 1) * SYMBOL_SIZE);
  sorted.forEach(({ s }, k) => {
    const o = (k + 1) * SYMBOL_SIZE;
    symtab.u32(o, strtab.add(s.name));
    symtab.u8(o + 4, (s.binding << 4) | (s.type & 0xf));
    symtab.u8(o + 5, s.visibility & 3);
    symtab.u16(o + 6, s.shndx >= object.sections.length && s.shndx < SHN_LORESERVE ? 0 : s.shndx);
    symtab.u64(o + 8, s.value);
    symtab.u64(o + 16, s.size);
  });

  const symtabIndex = headers.length + object.sections.filter((s) => s.relocations.length > 0).length;
  object.sections.forEach((s, i) => {
    if (s.relocations.length === 0) return;
    const rela = new ByteWriter(s.relocations.length * RELA_SIZE);
    s.relocations.forEach((r, k) => {
      const o = k * RELA_SIZE;
      rela.u64(o, r.offset);
      rela.u64(o + 8, (BigInt(newIndex.get(r.symbol) ?? 0) << 32n) | BigInt(r.type));
      rela.u64(o + 16, r.addend);
    });
    headers.push({ name: '.rela' + s.name, type: SHT_RELA, flags: SHF_INFO_LINK, link: symtabIndex, info: i, addralign: 8, entsize: RELA_SIZE, data: rela.bytes, size: rela.bytes.length });
  });
  headers.push({ name: '.symtab', type: SHT_SYMTAB, flags: 0, link: symtabIndex + 1, info: firstGlobal, addralign: 8, entsize: SYMBOL_SIZE, data: symtab.bytes, size: symtab.bytes.length });
  const strtabBytes = strtab.finish();
  headers.push({ name: '.strtab', type: SHT_STRTAB, flags: 0, link: 0, info: 0, addralign: 1, entsize: 0, data: strtabBytes, size: strtabBytes.length });
  const shstrtab = new StringTableBuilder();
  headers.push({ name: '.shstrtab', type: SHT_STRTAB, flags: 0, link: 0, info: 0, addralign: 1, entsize: 0, data: new Uint8Array(0), size: 0 });
  const nameOffsets = headers.map((h) => shstrtab.add(h.name));
  const shstrtabBytes = shstrtab.finish();
  const last = headers[headers.length - 1]!;
  last.data = shstrtabBytes;
  last.size = shstrtabBytes.length;

  // Contents after the ELF header, each at its alignment; the section header table at the end.
  let off = ELF_HEADER_SIZE;
  const offsets = headers.map((h, i) => {
    if (i === 0) return 0;
    off = alignUp(off, Math.max(1, h.addralign));
    const at = off;
    off += h.data.length;
    return at;
  });
  const shoff = alignUp(off, 8);
  const w = new ByteWriter(shoff + headers.length * SECTION_HEADER_SIZE);
  w.set(0, new Uint8Array([0x7f, 0x45, 0x4c, 0x46, ELFCLASS64, ELFDATA2LSB, EV_CURRENT, object.osabi ?? 0]));
  w.u16(16, ET_REL);
  w.u16(18, EM_X86_64);
  w.u32(20, EV_CURRENT);
  w.u64(40, shoff);
  w.u16(52, ELF_HEADER_SIZE);
  w.u16(58, SECTION_HEADER_SIZE);
  w.u16(60, headers.length);
  w.u16(62, headers.length - 1);
  headers.forEach((h, i) => {
    if (h.data.length > 0) w.set(offsets[i]!, h.data);
    const o = shoff + i * SECTION_HEADER_SIZE;
    w.u32(o, nameOffsets[i]!);
    w.u32(o + 4, h.type);
    w.u64(o + 8, h.flags);
    w.u64(o + 24, offsets[i]!);
    w.u64(o + 32, h.size);
    w.u32(o + 40, h.link);
    w.u32(o + 44, h.info);
    w.u64(o + 48, h.addralign);
    w.u64(o + 56, h.entsize);
  });
  return w.bytes;
}
