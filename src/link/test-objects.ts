// Test helper: builds objects of the linker's object model by hand, so unit tests can state
// their inputs byte by byte and check the linker's arithmetic against hand-computed values.
import {
  SHF_ALLOC, SHF_EXECINSTR, SHF_WRITE, SHN_UNDEF, SHT_NOBITS, SHT_PROGBITS, STB_GLOBAL, STB_LOCAL, STT_FUNC, STT_NOTYPE,
  STT_SECTION, STV_DEFAULT,
} from './elf/constants.ts';
import type { ObjectFile, ObjectSection, ObjectSymbol, Relocation } from './object.ts';

export interface SectionSpec {
  name: string;
  bytes?: number[];
  /** For .bss-like sections. */
  nobitsSize?: number;
  flags?: number;
  align?: number;
  entsize?: number;
  relocations?: Relocation[];
}

export interface SymbolSpec {
  name: string;
  /** Section name in this object, or undefined for an undefined symbol. */
  section?: string;
  value?: number;
  size?: number;
  binding?: number;
  type?: number;
  visibility?: number;
  shndx?: number;
}

const DEFAULT_FLAGS: Record<string, number> = {
  '.text': SHF_ALLOC | SHF_EXECINSTR,
  '.data': SHF_ALLOC | SHF_WRITE,
  '.bss': SHF_ALLOC | SHF_WRITE,
  '.rodata': SHF_ALLOC,
};

function defaultFlags(name: string): number {
  for (const [prefix, flags] of Object.entries(DEFAULT_FLAGS)) if (name === prefix || name.startsWith(prefix + '.')) return flags;
  return SHF_ALLOC;
}

/**
 * An object with the given sections and symbols. Symbol 0 is null; then one STT_SECTION
 * symbol per section (named after it, so relocations can say `sym: '.text'`), then `symbols`.
 * Relocation `symbol` fields are indexes; use `symbolIndex(obj, name)` to find them.
 */
export function makeObject(name: string, sections: SectionSpec[], symbols: SymbolSpec[]): ObjectFile {
  const secs: ObjectSection[] = [
    { name: '', type: 0, flags: 0, addralign: 0, entsize: 0, data: new Uint8Array(0), size: 0, relocations: [], link: 0, info: 0 },
  ];
  for (const s of sections) {
    const nobits = s.nobitsSize !== undefined;
    secs.push({
      name: s.name,
      type: nobits ? SHT_NOBITS : SHT_PROGBITS,
      flags: s.flags ?? defaultFlags(s.name),
      addralign: s.align ?? 1,
      entsize: s.entsize ?? 0,
      data: new Uint8Array(s.bytes ?? []),
      size: nobits ? s.nobitsSize! : (s.bytes ?? []).length,
      relocations: s.relocations ?? [],
      link: 0,
      info: 0,
    });
  }
  const syms: ObjectSymbol[] = [{ name: '', value: 0n, size: 0n, type: 0, binding: 0, visibility: 0, shndx: 0 }];
  sections.forEach((s, i) => syms.push({ name: s.name, value: 0n, size: 0n, type: STT_SECTION, binding: STB_LOCAL, visibility: STV_DEFAULT, shndx: i + 1 }));
  const locals = symbols.filter((s) => s.binding === STB_LOCAL);
  const globals = symbols.filter((s) => s.binding !== STB_LOCAL);
  for (const s of [...locals, ...globals]) {
    const shndx = s.shndx ?? (s.section === undefined ? SHN_UNDEF : sections.findIndex((x) => x.name === s.section) + 1);
    syms.push({
      name: s.name,
      value: BigInt(s.value ?? 0),
      size: BigInt(s.size ?? 0),
      type: s.type ?? (s.section === undefined ? STT_NOTYPE : STT_FUNC),
      binding: s.binding ?? STB_GLOBAL,
      visibility: s.visibility ?? STV_DEFAULT,
      shndx,
    });
  }
  return { name, sections: secs, symbols: syms };
}

export function symbolIndex(obj: ObjectFile, name: string): number {
  const i = obj.symbols.findIndex((s, k) => k > 0 && s.name === name);
  if (i < 0) throw new Error(`no symbol ${name} in ${obj.name}`);
  return i;
}

/**
 * Adds a relocation to section `section` of `obj` against the symbol named `symbol`; a name
 * the object does not have becomes an undefined global symbol.
 */
export function addRelocation(obj: ObjectFile, section: string, offset: number, type: number, symbol: string, addend: number | bigint): void {
  const sec = obj.sections.find((s) => s.name === section);
  if (!sec) throw new Error(`no section ${section}`);
  if (!obj.symbols.some((s, k) => k > 0 && s.name === symbol)) {
    obj.symbols.push({ name: symbol, value: 0n, size: 0n, type: STT_NOTYPE, binding: STB_GLOBAL, visibility: STV_DEFAULT, shndx: SHN_UNDEF });
  }
  sec.relocations.push({ offset, type, symbol: symbolIndex(obj, symbol), addend: BigInt(addend) });
}
