// What a relocation points at: a global symbol, or a local symbol in some section of the same
// file. Used by garbage collection, .eh_frame filtering and relocation application.
import { SHN_ABS, SHN_COMMON, SHN_UNDEF, STT_SECTION } from './elf/constants.ts';
import type { ObjectSymbol, Relocation } from './object.ts';
import type { GlobalSymbol, InputFile, InputSection } from './types.ts';

export interface RelocationTarget {
  symbol: ObjectSymbol;
  global?: GlobalSymbol;
  /** Section the target lives in (the winning definition's for globals). */
  section?: InputSection;
  /** Offset inside that section (the byte a merge piece is looked up by). */
  offset: number;
}

export function relocationTarget(file: InputFile, rel: Relocation): RelocationTarget {
  const symbol = file.object.symbols[rel.symbol]!;
  const global = file.globals[rel.symbol];
  if (global) {
    const def = global.definition;
    if (!def) return { symbol, global, section: global.common?.section, offset: 0 };
    const s = def.symbol;
    if (s.shndx === SHN_UNDEF || s.shndx === SHN_ABS || s.shndx >= 0xff00) return { symbol, global, offset: 0 };
    return { symbol, global, section: def.file.sections[s.shndx], offset: Number(s.value) };
  }
  if (symbol.shndx === SHN_UNDEF || symbol.shndx === SHN_ABS || symbol.shndx === SHN_COMMON || symbol.shndx >= 0xff00) {
    return { symbol, offset: 0 };
  }
  const section = file.sections[symbol.shndx];
  // A section symbol refers to a byte chosen by the addend (that matters for merge sections).
  const offset = symbol.type === STT_SECTION ? Number(symbol.value + rel.addend) : Number(symbol.value);
  return { symbol, section, offset };
}
