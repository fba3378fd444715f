// Symbol resolution: one global symbol per name. A strong definition beats a weak one and a
// COMMON one; two strong definitions are a "duplicate symbol" error in rust-lld's words; COMMON
// symbols keep the largest size and alignment. Locals never leave their file.
import { SHN_ABS, SHN_COMMON, SHN_UNDEF, STB_LOCAL, STB_WEAK, STT_SECTION } from './elf/constants.ts';
import type { Diagnostics } from './diagnostics.ts';
import { objectLocation } from './location.ts';
import type { Definition, GlobalSymbol, InputFile } from './types.ts';
import { demangle } from './demangle.ts';

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

function isDefinedHere(file: InputFile, shndx: number): boolean {
  if (shndx === SHN_UNDEF || shndx === SHN_COMMON) return false;
  if (shndx === SHN_ABS || shndx >= 0xff00) return true;
  // A definition in a section of a dropped COMDAT copy stands for the kept copy's.
  return file.sections[shndx] !== undefined;
}

export function resolveSymbols(files: readonly InputFile[], diag: Diagnostics): SymbolTable {
  const table = new SymbolTable();
  for (const file of files) {
    file.globals = file.object.symbols.map((symbol, index) => {
      if (index === 0 || symbol.binding === STB_LOCAL || symbol.type === STT_SECTION) return undefined;
      const global = table.intern(symbol.name);
      global.firstFile ??= file;
      const weak = symbol.binding === STB_WEAK;
      if (symbol.shndx === SHN_COMMON) {
        if (global.definition) return global;
        const size = Number(symbol.size);
        const align = Math.max(1, Number(symbol.value));
        if (!global.common) global.common = { size, align, file, symbolIndex: index };
        else {
          global.common.size = Math.max(global.common.size, size);
          global.common.align = Math.max(global.common.align, align);
        }
        return global;
      }
      if (!isDefinedHere(file, symbol.shndx)) {
        if (!weak) global.weakOnly = false;
        return global;
      }
      const definition: Definition = { file, symbolIndex: index, symbol };
      const existing = global.definition;
      if (!existing) {
        global.definition = definition;
        global.common = undefined;
      } else if (existing.symbol.binding === STB_WEAK && !weak) {
        global.definition = definition;
      } else if (existing.symbol.binding !== STB_WEAK && !weak) {
        diag.error(duplicateMessage(global, existing, definition));
      }
      return global;
    });
  }
  return table;
}

function duplicateMessage(global: GlobalSymbol, first: Definition, second: Definition): string {
  const where = (d: Definition, winner: boolean) => {
    const section = d.file.sections[d.symbol.shndx];
    const offset = Number(d.symbol.value);
    const obj = section
      ? objectLocation(section, offset, winner ? global : undefined)
      : `${d.file.object.name}:(${demangle(global.name)})`;
    const src = d.file.sourceFile;
    return src ? `>>> defined at ${src}\n>>>            ${obj}` : `>>> defined at ${obj}`;
  };
  return `duplicate symbol: ${demangle(global.name)}\n${where(first, true)}\n${where(second, false)}`;
}
