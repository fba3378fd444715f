// Builds an object of the linker's model by name rather than by index: what a code generator
// wants (add a section, define symbols in it, add relocations naming symbols). The result goes
// straight to link() or, through writeElfObject(), to a .o file.
import {
  SHF_ALLOC, SHF_EXECINSTR, SHF_MERGE, SHF_STRINGS, SHF_WRITE, SHN_ABS, SHN_UNDEF, SHT_NOBITS, SHT_PROGBITS, STB_GLOBAL,
  STB_LOCAL, STT_FILE, STT_NOTYPE, STT_SECTION, STV_DEFAULT,
} from './elf/constants.ts';
import type { ObjectFile, ObjectSection, ObjectSymbol } from './object.ts';

export interface SectionOptions {
  /** SHF_ bits; by default from the name: .text code, .data and .bss writable, else read-only. */
  flags?: number;
  align?: number;
  /** Contents; leave out and give `nobits` for .bss-like sections. */
  data?: Uint8Array;
  nobits?: number;
  entsize?: number;
}

export interface SymbolOptions {
  /** Section name in this object; leave out for an undefined symbol. */
  section?: string;
  value?: number | bigint;
  size?: number | bigint;
  /** STB_* (default global). */
  binding?: number;
  /** STT_* (default STT_FUNC in code, STT_OBJECT in data, STT_NOTYPE when undefined). */
  type?: number;
  visibility?: number;
  /** An absolute symbol (value is the address). */
  absolute?: boolean;
}

function defaultFlags(name: string): number {
  const is = (p: string) => name === p || name.startsWith(p + '.');
  if (is('.text')) return SHF_ALLOC | SHF_EXECINSTR;
  if (is('.data') || is('.bss') || is('.data.rel.ro')) return SHF_ALLOC | SHF_WRITE;
  if (name.startsWith('.rodata.str')) return SHF_ALLOC | SHF_MERGE | SHF_STRINGS;
  return SHF_ALLOC;
}

export class ObjectBuilder {
  private readonly sections: ObjectSection[] = [
    { name: '', type: 0, flags: 0, addralign: 0, entsize: 0, data: new Uint8Array(0), size: 0, relocations: [], link: 0, info: 0 },
  ];
  private readonly symbols: ObjectSymbol[] = [];
  private readonly pending: { section: string; offset: number; type: number; symbol: string; addend: bigint }[] = [];

  constructor(private readonly name: string, sourceFile?: string) {
    if (sourceFile) this.symbols.push({ name: sourceFile, value: 0n, size: 0n, type: STT_FILE, binding: STB_LOCAL, visibility: STV_DEFAULT, shndx: SHN_ABS });
  }

  section(name: string, options: SectionOptions = {}): this {
    const nobits = options.nobits !== undefined;
    const flags = options.flags ?? defaultFlags(name);
    this.sections.push({
      name,
      type: nobits ? SHT_NOBITS : SHT_PROGBITS,
      flags,
      addralign: options.align ?? 1,
      entsize: options.entsize ?? (flags & SHF_MERGE ? 1 : 0),
      data: options.data ?? new Uint8Array(0),
      size: nobits ? options.nobits! : (options.data?.length ?? 0),
      relocations: [],
      link: 0,
      info: 0,
    });
    return this;
  }

  symbol(name: string, options: SymbolOptions = {}): this {
    let shndx = SHN_UNDEF;
    if (options.absolute) shndx = SHN_ABS;
    else if (options.section !== undefined) shndx = this.sectionIndex(options.section);
    const section = this.sections[shndx];
    const defaultType = shndx === SHN_UNDEF || shndx === SHN_ABS ? STT_NOTYPE : section && section.flags & SHF_EXECINSTR ? 2 : 1;
    this.symbols.push({
      name,
      value: BigInt(options.value ?? 0),
      size: BigInt(options.size ?? 0),
      type: options.type ?? defaultType,
      binding: options.binding ?? STB_GLOBAL,
      visibility: options.visibility ?? STV_DEFAULT,
      shndx,
    });
    return this;
  }

  /** A relocation at `offset` of `section` against `symbol` (a symbol name, or a section name for its section symbol). */
  relocation(section: string, offset: number, type: number, symbol: string, addend: number | bigint = 0): this {
    this.pending.push({ section, offset, type, symbol, addend: BigInt(addend) });
    return this;
  }

  build(): ObjectFile {
    const sectionSymbols: ObjectSymbol[] = this.sections.slice(1).map((s, i) => ({
      name: '', value: 0n, size: 0n, type: STT_SECTION, binding: STB_LOCAL, visibility: STV_DEFAULT, shndx: i + 1,
    }));
    const locals = this.symbols.filter((s) => s.binding === STB_LOCAL);
    const globals = this.symbols.filter((s) => s.binding !== STB_LOCAL);
    const symbols: ObjectSymbol[] = [
      { name: '', value: 0n, size: 0n, type: 0, binding: 0, visibility: 0, shndx: 0 },
      ...locals.filter((s) => s.type === STT_FILE),
      ...sectionSymbols,
      ...locals.filter((s) => s.type !== STT_FILE),
      ...globals,
    ];
    const sections = this.sections.map((s) => ({ ...s, relocations: [...s.relocations] }));
    for (const r of this.pending) {
      let index = symbols.findIndex((s, k) => k > 0 && s.type !== STT_SECTION && s.name === r.symbol);
      if (index < 0) {
        const sectionIndex = this.sections.findIndex((s, k) => k > 0 && s.name === r.symbol);
        if (sectionIndex > 0) index = symbols.findIndex((s) => s.type === STT_SECTION && s.shndx === sectionIndex);
      }
      if (index < 0) {
        symbols.push({ name: r.symbol, value: 0n, size: 0n, type: STT_NOTYPE, binding: STB_GLOBAL, visibility: STV_DEFAULT, shndx: SHN_UNDEF });
        index = symbols.length - 1;
      }
      sections[this.sectionIndex(r.section)]!.relocations.push({ offset: r.offset, type: r.type, symbol: index, addend: r.addend });
    }
    return { name: this.name, sections, symbols };
  }

  private sectionIndex(name: string): number {
    const i = this.sections.findIndex((s, k) => k > 0 && s.name === name);
    if (i < 0) throw new Error(`${this.name}: no section ${name}`);
    return i;
  }
}
