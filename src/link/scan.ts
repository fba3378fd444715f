// Relocation scan over live sections, before layout: finds references to undefined symbols
// (reported in rust-lld's words), decides which GOT-relative loads can be relaxed into direct
// address computations (as lld does for a static executable), and gives every other GOT
// reference a slot. Unsupported relocation types and thread-local storage are reported here.
import { demangle } from './demangle.ts';
import type { Diagnostics } from './diagnostics.ts';
import { R_X86_64, relocationName, SHN_ABS, STB_LOCAL, STT_FILE, STT_SECTION, STT_TLS } from './elf/constants.ts';
import type { EhRecord } from './eh-frame.ts';
import { variableLocation } from './dwarf-info.ts';
import { fileLineMessage, sourceLine } from './dwarf-line.ts';
import { enclosingSymbol, fileLabel, objectLocation } from './location.ts';
import type { Relocation } from './object.ts';
import type { SymbolTable } from './resolve.ts';
import { relocationTarget } from './targets.ts';
import type { GlobalSymbol, InputFile, InputSection } from './types.ts';

const SUPPORTED = new Set<number>([
  R_X86_64.NONE, R_X86_64._64, R_X86_64.PC32, R_X86_64.PLT32, R_X86_64._32, R_X86_64._32S, R_X86_64._16,
  R_X86_64.PC16, R_X86_64._8, R_X86_64.PC8, R_X86_64.PC64, R_X86_64.GOTPCREL, R_X86_64.GOTPCRELX,
  R_X86_64.REX_GOTPCRELX, R_X86_64.SIZE32, R_X86_64.SIZE64,
  // The large code model's GOT-relative forms.
  R_X86_64.GOT32, R_X86_64.GOT64, R_X86_64.GOTPCREL64, R_X86_64.GOTOFF64, R_X86_64.GOTPC32, R_X86_64.GOTPC64, R_X86_64.PLTOFF64,
]);

/** Relocations that use a GOT slot (or may, for the relaxable ones). */
export const GOT_TYPES = new Set<number>([
  R_X86_64.GOTPCREL, R_X86_64.GOTPCRELX, R_X86_64.REX_GOTPCRELX, R_X86_64.GOT32, R_X86_64.GOT64, R_X86_64.GOTPCREL64,
]);

/** Relocations measured from the GOT base (_GLOBAL_OFFSET_TABLE_, the start of .got.plt). */
export const GOT_BASE_TYPES = new Set<number>([
  R_X86_64.GOT32, R_X86_64.GOT64, R_X86_64.GOTOFF64, R_X86_64.GOTPC32, R_X86_64.GOTPC64, R_X86_64.PLTOFF64,
]);

/** The binary operations `op r64, [rip+x]` that relax to `op r/m64, imm32` (group 1 of 0x81). */
const BINOP_OPCODES = new Set([0x03, 0x0b, 0x13, 0x1b, 0x23, 0x2b, 0x33, 0x3b]);

export type Relaxation = 'none' | 'lea' | 'call' | 'jmp' | 'test-imm' | 'binop-imm';

/**
 * How a GOT load can be rewritten so it needs no GOT slot (the psABI's optional relaxation;
 * lld applies it when the target is not preemptible, which is always so in a static link).
 */
export function gotRelaxation(data: Uint8Array, rel: Relocation, targetIsAbsolute: boolean, targetDefined: boolean): Relaxation {
  if (rel.type !== R_X86_64.GOTPCRELX && rel.type !== R_X86_64.REX_GOTPCRELX) return 'none';
  if (rel.addend !== -4n || rel.offset < 2 || !targetDefined) return 'none';
  const op = data[rel.offset - 2]!;
  const modrm = data[rel.offset - 1]!;
  if (op === 0x8b) return targetIsAbsolute ? 'none' : 'lea';
  if (op === 0xff && modrm === 0x15) return targetIsAbsolute ? 'none' : 'call';
  if (op === 0xff && modrm === 0x25) return targetIsAbsolute ? 'none' : 'jmp';
  // test and binops need the REX prefix form (lld does not relax them without it).
  if (rel.type !== R_X86_64.REX_GOTPCRELX || rel.offset < 3) return 'none';
  if (op === 0x85) return 'test-imm';
  if (BINOP_OPCODES.has(op)) return 'binop-imm';
  return 'none';
}

export interface ScanResult {
  gotEntries: GlobalSymbol[];
  /** Local symbols that need a GOT slot, keyed "fileOrder:symbolIndex". */
  localGot: Map<string, { index: number; file: InputFile; rel: Relocation }>;
  usesGot: boolean;
  /** Some relocation is relative to the GOT base, so .got.plt must exist. */
  usesGotBase: boolean;
}

interface UndefinedUse {
  symbol: GlobalSymbol;
  places: { input: InputSection; offset: number }[];
}

const MAX_LISTED_REFERENCES = 3;

export function scanRelocations(
  files: readonly InputFile[],
  symbols: SymbolTable,
  ehRecords: Map<InputSection, EhRecord[]>,
  diag: Diagnostics,
): ScanResult {
  const result: ScanResult = { gotEntries: [], localGot: new Map(), usesGot: false, usesGotBase: false };
  const undefinedUses = new Map<GlobalSymbol, UndefinedUse>();
  const needsGot = new Set<GlobalSymbol>();
  const localNeeds = new Map<string, { file: InputFile; rel: Relocation }>();

  const visit = (input: InputSection, rel: Relocation) => {
    const file = input.file;
    const target = relocationTarget(file, rel);
    if (!SUPPORTED.has(rel.type)) {
      diag.error(
        `${objectLocation(input, rel.offset)}: unsupported relocation type ${relocationName(rel.type)} against symbol ${demangle(target.symbol.name) || '(section)'}`,
      );
      return;
    }
    if (target.symbol.type === STT_TLS) {
      diag.error(`${objectLocation(input, rel.offset)}: thread-local symbol ${demangle(target.symbol.name)} is not supported`);
      return;
    }
    const g = target.global;
    const undefinedGlobal = g !== undefined && !g.definition && !g.common && !g.linkerDefined;
    if (undefinedGlobal && !g.weakOnly && rel.type !== R_X86_64.NONE) {
      let use = undefinedUses.get(g);
      if (!use) {
        use = { symbol: g, places: [] };
        undefinedUses.set(g, use);
      }
      use.places.push({ input, offset: rel.offset });
    }
    if (GOT_BASE_TYPES.has(rel.type)) result.usesGotBase = true;
    if (!GOT_TYPES.has(rel.type)) return;
    result.usesGot = true;
    // Linker-defined symbols (_end, __bss_start, ...) are section-relative, not absolute.
    const absolute = target.section === undefined && !undefinedGlobal && !g?.linkerDefined;
    if (gotRelaxation(input.section.data, rel, absolute, !undefinedGlobal) !== 'none') return;
    if (g) needsGot.add(g);
    else {
      const key = `${file.order}:${rel.symbol}`;
      if (!localNeeds.has(key)) localNeeds.set(key, { file, rel });
    }
  };

  for (const file of files) {
    for (const input of file.sections) {
      if (!input || !input.live || input.kind === 'eh_frame' || input.kind === 'comment') continue;
      for (const rel of input.section.relocations) visit(input, rel);
    }
  }
  void ehRecords;
  // Slots are handed out after the scan in symbol-table order, then locals file by file (as lld
  // does), so the GOT does not depend on which section was scanned first.
  let gotCount = 0;
  for (const g of symbols.all()) {
    if (!needsGot.has(g)) continue;
    g.gotIndex = gotCount++;
    result.gotEntries.push(g);
  }
  const locals = [...localNeeds.entries()].sort((a, b) => a[1].file.order - b[1].file.order);
  for (const [key, need] of locals) result.localGot.set(key, { index: gotCount++, ...need });

  // Like lld, only the first two messages get a spelling suggestion.
  [...undefinedUses.values()].forEach((use, i) => diag.error(undefinedMessage(use, symbols, i < 2)));
  return result;
}

function undefinedMessage(use: UndefinedUse, symbols: SymbolTable, suggest: boolean): string {
  let text = `undefined symbol: ${demangle(use.symbol.name)}`;
  for (const place of use.places.slice(0, MAX_LISTED_REFERENCES)) {
    // Without a line-table row, lld uses the declaration of the symbol around the place
    // (`int *p = &undefined;` names p's line), or of the undefined symbol itself.
    const around = enclosingSymbol(place.input, place.offset);
    const src = sourceMessage(place.input, place.offset, around?.name ?? use.symbol.name);
    text += '\n>>> referenced by ';
    if (src) text += `${src}\n>>>               `;
    text += objectLocation(place.input, place.offset);
  }
  if (use.places.length > MAX_LISTED_REFERENCES) {
    text += `\n>>> referenced ${use.places.length - MAX_LISTED_REFERENCES} more times`;
  }
  // lld adds this hint to __start_ names only.
  if (/^__start_[A-Za-z_][A-Za-z0-9_]*$/.test(use.symbol.name)) {
    text += '\n>>> the encapsulation symbol needs to be retained under --gc-sections properly; consider -z nostart-stop-gc (see https://lld.llvm.org/ELF/start-stop-gc)';
  }
  const suggestion = suggest ? suggestSpelling(use.symbol.name, symbols, use.places[0]!.input.file) : undefined;
  if (suggestion) text += `\n>>> did you mean: ${demangle(suggestion.name)}\n>>> defined in: ${fileLabel(suggestion.file)}`;
  return text;
}


/**
 * One-edit corrections tried in the order rust-lld tries them (insert, replace, swap, delete at
 * each position); a candidate counts when it is a defined local of the referencing file or a
 * defined global.
 */
export function suggestSpelling(name: string, symbols: SymbolTable, file: InputFile): { name: string; file: InputFile } | undefined {
  // Symbols of sections that collection dropped no longer count as defined (lld demotes them).
  const liveIn = (f: InputFile, shndx: number) => shndx === SHN_ABS || (shndx < 0xff00 && f.sections[shndx]?.live === true);
  const locals = new Set<string>();
  file.object.symbols.forEach((s, i) => {
    if (i > 0 && s.binding === STB_LOCAL && s.shndx !== 0 && s.type !== STT_SECTION && s.type !== STT_FILE && s.name !== '' && liveIn(file, s.shndx)) locals.add(s.name);
  });
  const defined = (candidate: string): { name: string; file: InputFile } | undefined => {
    if (locals.has(candidate)) return { name: candidate, file };
    const d = symbols.get(candidate)?.definition;
    return d && liveIn(d.file, d.symbol.shndx) ? { name: candidate, file: d.file } : undefined;
  };
  const chars: string[] = [];
  for (let c = 0x30; c <= 0x7a; c++) chars.push(String.fromCharCode(c));
  for (let i = 0; i <= name.length; i++) {
    for (const c of chars) {
      const s = defined(name.slice(0, i) + c + name.slice(i));
      if (s) return s;
    }
    if (i === name.length) break;
    for (const c of chars) {
      const s = defined(name.slice(0, i) + c + name.slice(i + 1));
      if (s) return s;
    }
    if (i + 1 < name.length) {
      const s = defined(name.slice(0, i) + name[i + 1] + name[i] + name.slice(i + 2));
      if (s) return s;
    }
    const s = defined(name.slice(0, i) + name.slice(i + 1));
    if (s) return s;
  }
  return undefined;
}

/**
 * rust-lld's source part of a place: the line-table row of the place, else where the symbol
 * is declared as a variable (debug info), else the file's STT_FILE name.
 */
export function sourceMessage(input: InputSection, offset: number, symbolName: string): string {
  const object = input.file.object;
  const fromDwarf = sourceLine(object, input.index, offset) ?? variableLocation(object, symbolName);
  return fromDwarf ? fileLineMessage(fromDwarf) : input.file.sourceFile;
}
