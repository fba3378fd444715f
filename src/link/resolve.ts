// Symbol resolution: one global symbol per name. A strong definition beats a weak one and a
// COMMON one; two strong definitions are a "duplicate symbol" error in rust-lld's words; COMMON
// symbols keep the largest size and alignment. Locals never leave their file.
// Archives are searched as Unix linkers search them: a member is taken (appended to the input
// files) when it defines a name that is undefined at that moment, or that becomes undefined
// later; a weak undefined reference takes nothing.
import type { Archive } from './archive.ts';
import { demangle } from './demangle.ts';
import type { Diagnostics } from './diagnostics.ts';
import { SHN_ABS, SHN_COMMON, SHN_UNDEF, STB_LOCAL, STB_WEAK, STT_SECTION } from './elf/constants.ts';
import { readElfObject } from './elf/reader.ts';
import { makeInputFile } from './input.ts';
import { objectLocation } from './location.ts';
import { sourceMessage } from './scan.ts';
import type { ObjectFile } from './object.ts';
import type { Definition, GlobalSymbol, InputFile } from './types.ts';

export class SymbolTable {
  readonly byName = new Map<string, GlobalSymbol>();
  get(name: string): GlobalSymbol | undefined {
    return this.byName.get(name);
  }
  intern(name: string): GlobalSymbol {
    let sym = this.byName.get(name);
    if (!sym) {
      sym = { name, weakOnly: true, order: this.byName.size };
      this.byName.set(name, sym);
    }
    return sym;
  }
  /** Symbols in order of first appearance. */
  all(): GlobalSymbol[] {
    return [...this.byName.values()];
  }
}

export type LinkInput = { kind: 'object'; object: ObjectFile } | { kind: 'archive'; archive: Archive };

interface LazyMember {
  archive: Archive;
  member: number;
}

function isDefinedHere(file: InputFile, shndx: number): boolean {
  if (shndx === SHN_UNDEF || shndx === SHN_COMMON) return false;
  if (shndx === SHN_ABS || shndx >= 0xff00) return true;
  // A definition in a section of a dropped COMDAT copy stands for the kept copy's.
  return file.sections[shndx] !== undefined;
}

export class Resolver {
  readonly table = new SymbolTable();
  readonly files: InputFile[] = [];
  private readonly seenGroups = new Set<string>();
  private readonly lazy = new Map<string, LazyMember>();
  private readonly extracted = new Set<string>();

  constructor(private readonly diag: Diagnostics) {}

  add(input: LinkInput): void {
    if (input.kind === 'object') this.addObject(input.object);
    else this.addArchive(input.archive);
  }

  /** Takes the archive member defining `name` if nothing defines it yet (used for -e). */
  require(name: string): void {
    const g = this.table.get(name);
    if (g?.definition || g?.common) return;
    const lazy = this.lazy.get(name);
    if (lazy) this.extract(lazy);
  }

  private addObject(object: ObjectFile): void {
    const file = makeInputFile(object, this.files.length, this.seenGroups, this.diag);
    this.files.push(file);
    const wanted: string[] = [];
    file.globals = object.symbols.map((symbol, index) => {
      if (index === 0 || symbol.binding === STB_LOCAL || symbol.type === STT_SECTION) return undefined;
      const global = this.table.intern(symbol.name);
      global.firstFile ??= file;
      global.referenced = true;
      this.resolveOne(global, file, index);
      if (!global.definition && !global.common && symbol.shndx === SHN_UNDEF && symbol.binding !== STB_WEAK) wanted.push(symbol.name);
      return global;
    });
    for (const name of wanted) {
      const lazy = this.lazy.get(name);
      const g = this.table.get(name);
      if (lazy && g && !g.definition && !g.common) this.extract(lazy);
    }
  }

  private addArchive(archive: Archive): void {
    let index = archive.index;
    if (index.length === 0) index = this.indexByParsing(archive);
    for (const { symbol, member } of index) {
      const key = `${archive.name}\0${member}`;
      if (this.extracted.has(key)) continue;
      // Like lld, a name from an archive index enters the symbol table (and so fixes its place in
      // the output symbol table and the GOT) when the archive is read.
      const g = this.table.intern(symbol);
      if (g.definition || g.common) continue;
      if (g.referenced && !g.weakOnly) this.extract({ archive, member });
      else if (!this.lazy.has(symbol)) this.lazy.set(symbol, { archive, member });
    }
  }

  private indexByParsing(archive: Archive): { symbol: string; member: number }[] {
    const index: { symbol: string; member: number }[] = [];
    archive.members.forEach((m, member) => {
      let object: ObjectFile;
      try {
        object = readElfObject(m.bytes, m.name);
      } catch {
        return;
      }
      for (const s of object.symbols) {
        if (s.binding !== STB_LOCAL && s.shndx !== SHN_UNDEF && s.type !== STT_SECTION) index.push({ symbol: s.name, member });
      }
    });
    return index;
  }

  private extract(lazy: LazyMember): void {
    const key = `${lazy.archive.name}\0${lazy.member}`;
    if (this.extracted.has(key)) return;
    this.extracted.add(key);
    const m = lazy.archive.members[lazy.member]!;
    let object: ObjectFile;
    try {
      object = readElfObject(m.bytes, m.name);
    } catch (e) {
      this.diag.error(`${lazy.archive.name}(${m.name}): ${e instanceof Error ? e.message : String(e)}`);
      return;
    }
    object.archiveName = lazy.archive.name;
    this.addObject(object);
  }

  private resolveOne(global: GlobalSymbol, file: InputFile, index: number): void {
    const symbol = file.object.symbols[index]!;
    const weak = symbol.binding === STB_WEAK;
    if (symbol.shndx === SHN_COMMON) {
      if (global.definition) return;
      const size = Number(symbol.size);
      const align = Math.max(1, Number(symbol.value));
      if (!global.common) global.common = { size, align, file, symbolIndex: index };
      else {
        global.common.size = Math.max(global.common.size, size);
        global.common.align = Math.max(global.common.align, align);
      }
      return;
    }
    if (!isDefinedHere(file, symbol.shndx)) {
      if (!weak) global.weakOnly = false;
      return;
    }
    const definition: Definition = { file, symbolIndex: index, symbol };
    const existing = global.definition;
    if (!existing) {
      global.definition = definition;
      global.common = undefined;
    } else if (existing.symbol.binding === STB_WEAK && !weak) {
      global.definition = definition;
    } else if (existing.symbol.binding !== STB_WEAK && !weak) {
      this.diag.error(duplicateMessage(global, existing, definition));
    }
  }
}

function duplicateMessage(global: GlobalSymbol, first: Definition, second: Definition): string {
  const where = (d: Definition, winner: boolean) => {
    const section = d.file.sections[d.symbol.shndx];
    const offset = Number(d.symbol.value);
    const obj = section
      ? objectLocation(section, offset, winner ? global : undefined)
      : `${d.file.object.name}:(${demangle(global.name)})`;
    const src = section ? sourceMessage(section, offset, global.name) : d.file.sourceFile;
    return src ? `>>> defined at ${src}\n>>>            ${obj}` : `>>> defined at ${obj}`;
  };
  return `duplicate symbol: ${demangle(global.name)}\n${where(first, true)}\n${where(second, false)}`;
}
