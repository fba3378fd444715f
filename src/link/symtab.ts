// The output's .symtab and .strtab, laid out as rust-lld lays them out: the null symbol, then
// for each input file its STT_FILE symbol and its surviving local symbols (plus its globals of
// hidden visibility, which become local), then the global symbols in order of first
// appearance. Section symbols, symbols of discarded sections and .L labels of merge sections
// are left out.
import { globalAddress, inputAddress } from './addresses.ts';
import { StringTableBuilder } from './elf/bytes.ts';
import {
  SHF_MERGE, SHN_ABS, SHN_UNDEF, STB_GLOBAL, STB_LOCAL, STB_WEAK, STT_FILE, STT_NOTYPE, STT_OBJECT, STT_SECTION,
  STV_DEFAULT, STV_HIDDEN, STV_PROTECTED, SYMBOL_SIZE,
} from './elf/constants.ts';
import type { SymbolTable } from './resolve.ts';
import type { GlobalSymbol, InputFile, InputSection } from './types.ts';

export interface OutputSymbol {
  name: string;
  value: bigint;
  size: bigint;
  type: number;
  binding: number;
  visibility: number;
  shndx: number;
}

function sectionIndex(input: InputSection | undefined): number {
  return input?.output?.headerIndex ?? SHN_ABS;
}

function globalEntry(g: GlobalSymbol): OutputSymbol | undefined {
  if (g.linkerDefined) {
    const out = g.linkerDefined.output;
    const hidden = g.linkerDefined.hidden === true;
    const visibility = hidden ? STV_HIDDEN : g.linkerDefined.protected ? STV_PROTECTED : STV_DEFAULT;
    return { name: g.name, value: globalAddress(g), size: 0n, type: STT_NOTYPE, binding: hidden ? STB_LOCAL : STB_GLOBAL, visibility, shndx: out?.headerIndex ?? SHN_ABS };
  }
  const def = g.definition;
  if (!def) {
    if (g.common?.section?.live) {
      return { name: g.name, value: globalAddress(g), size: BigInt(g.common.size), type: STT_OBJECT, binding: STB_GLOBAL, visibility: STV_DEFAULT, shndx: sectionIndex(g.common.section) };
    }
    if (g.weakOnly && g.referenced) return { name: g.name, value: 0n, size: 0n, type: STT_NOTYPE, binding: STB_WEAK, visibility: STV_DEFAULT, shndx: SHN_UNDEF };
    return undefined;
  }
  const s = def.symbol;
  let shndx = SHN_ABS;
  if (s.shndx !== SHN_ABS && s.shndx < 0xff00) {
    const section = def.file.sections[s.shndx];
    if (!section || !section.live || !section.output) return undefined;
    shndx = sectionIndex(section);
  }
  const hidden = s.visibility !== STV_DEFAULT && s.visibility !== STV_PROTECTED;
  return { name: g.name, value: globalAddress(g), size: s.size, type: s.type, binding: hidden ? STB_LOCAL : s.binding, visibility: s.visibility, shndx };
}

export function buildSymbols(files: readonly InputFile[], table: SymbolTable): OutputSymbol[] {
  const perFile = new Map<InputFile, OutputSymbol[]>();
  for (const file of files) {
    const list: OutputSymbol[] = [];
    file.object.symbols.forEach((s, i) => {
      if (i === 0 || s.binding !== STB_LOCAL || s.type === STT_SECTION) return;
      if (s.type === STT_FILE || s.shndx === SHN_ABS) {
        list.push({ name: s.name, value: s.value, size: s.size, type: s.type, binding: STB_LOCAL, visibility: s.visibility, shndx: SHN_ABS });
        return;
      }
      const section = file.sections[s.shndx];
      if (!section || !section.live || !section.output) return;
      if (s.name.startsWith('.L') && section.section.flags & SHF_MERGE) return;
      list.push({ name: s.name, value: inputAddress(section, Number(s.value)), size: s.size, type: s.type, binding: STB_LOCAL, visibility: s.visibility, shndx: sectionIndex(section) });
    });
    perFile.set(file, list);
  }
  const globals: OutputSymbol[] = [];
  for (const g of table.all()) {
    const entry = globalEntry(g);
    if (!entry) continue;
    const owner = g.definition?.file ?? g.firstFile;
    if (entry.binding === STB_LOCAL && owner) perFile.get(owner)!.push(entry);
    else globals.push(entry);
  }
  return [...[...perFile.values()].flat(), ...globals];
}

export function encodeSymbols(symbols: readonly OutputSymbol[]): { symtab: Uint8Array; strtab: Uint8Array; firstGlobal: number } {
  const strings = new StringTableBuilder();
  const symtab = new Uint8Array((symbols.length + 1) * SYMBOL_SIZE);
  const view = new DataView(symtab.buffer);
  let firstGlobal = symbols.length + 1;
  symbols.forEach((s, i) => {
    const o = (i + 1) * SYMBOL_SIZE;
    if (s.binding !== STB_LOCAL && firstGlobal > i + 1) firstGlobal = i + 1;
    view.setUint32(o, strings.add(s.name), true);
    view.setUint8(o + 4, (s.binding << 4) | (s.type & 0xf));
    view.setUint8(o + 5, s.visibility);
    view.setUint16(o + 6, s.shndx, true);
    view.setBigUint64(o + 8, BigInt.asUintN(64, s.value), true);
    view.setBigUint64(o + 16, BigInt.asUintN(64, s.size), true);
  });
  return { symtab, strtab: strings.finish(), firstGlobal };
}
