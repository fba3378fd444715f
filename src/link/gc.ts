// Garbage collection of sections (--gc-sections): everything reachable through relocations
// from the roots stays, the rest is dropped. Roots: the entry symbol's section, sections that
// must be kept by their name or type (.init_array, .ctors, notes, SHF_GNU_RETAIN), the
// personality routines that CIEs name, and what FDEs point to besides code (LSDAs). For merge
// sections the unit is a piece (one string or record), not the whole section.
// Without --gc-sections everything is live.
import { SHF_EXECINSTR, SHF_GNU_RETAIN, SHF_LINK_ORDER, SHT_FINI_ARRAY, SHT_INIT_ARRAY, SHT_NOTE, SHT_PREINIT_ARRAY } from './elf/constants.ts';
import type { EhRecord } from './eh-frame.ts';
import { pieceAt } from './merge.ts';
import type { SymbolTable } from './resolve.ts';
import { relocationTarget, type RelocationTarget } from './targets.ts';
import type { InputFile, InputSection } from './types.ts';

const KEPT_PREFIXES = ['.init_array', '.fini_array', '.preinit_array', '.ctors', '.dtors'];
const KEPT_NAMES = new Set(['.init', '.fini', '.jcr']);

function mustKeep(input: InputSection): boolean {
  const s = input.section;
  if (s.flags & SHF_GNU_RETAIN) return true;
  if (s.type === SHT_NOTE || s.type === SHT_INIT_ARRAY || s.type === SHT_FINI_ARRAY || s.type === SHT_PREINIT_ARRAY) return true;
  if (KEPT_NAMES.has(s.name)) return true;
  return KEPT_PREFIXES.some((p) => s.name === p || s.name.startsWith(p + '.'));
}

export function markLive(
  files: readonly InputFile[],
  symbols: SymbolTable,
  entry: string,
  gcSections: boolean,
  ehRecords: Map<InputSection, EhRecord[]>,
): void {
  const all = files.flatMap((f) => f.sections.filter((s): s is InputSection => s !== undefined));
  // Sections tied to another by SHF_LINK_ORDER live and die with it.
  const dependents = new Map<InputSection, InputSection[]>();
  for (const input of all) {
    if (!(input.section.flags & SHF_LINK_ORDER)) continue;
    const parent = input.file.sections[input.section.link];
    if (!parent) continue;
    dependents.set(parent, [...(dependents.get(parent) ?? []), input]);
  }

  if (!gcSections) {
    for (const input of all) {
      if (input.kind === 'eh_frame') continue;
      input.live = true;
      for (const p of input.pieces ?? []) p.live = true;
    }
    return;
  }

  const queue: InputSection[] = [];
  const enqueue = (input: InputSection | undefined, offset?: number) => {
    if (!input || input.kind === 'eh_frame') return;
    if (input.pieces && offset !== undefined) {
      const piece = pieceAt(input.pieces, offset);
      if (piece) piece.live = true;
    }
    if (input.live) return;
    input.live = true;
    queue.push(input);
  };
  // __start_NAME/__stop_NAME do not keep sections called NAME alive (lld's -z start-stop-gc).
  const enqueueTarget = (t: RelocationTarget) => enqueue(t.section, t.offset);

  const entrySymbol = symbols.get(entry);
  if (entrySymbol?.definition) {
    const d = entrySymbol.definition;
    enqueue(d.file.sections[d.symbol.shndx], Number(d.symbol.value));
  }
  for (const input of all) if (input.kind !== 'eh_frame' && mustKeep(input)) enqueue(input);
  for (const [input, records] of ehRecords) {
    for (const rec of records) {
      if (rec.isCie) {
        if (rec.relocations[0]) enqueueTarget(relocationTarget(input.file, rec.relocations[0]));
        continue;
      }
      // Besides the function itself, an FDE may name its LSDA: that is kept.
      for (const rel of rec.relocations) {
        const t = relocationTarget(input.file, rel);
        if (t.section && !(t.section.section.flags & SHF_EXECINSTR)) enqueueTarget(t);
      }
    }
  }

  while (queue.length > 0) {
    const input = queue.pop()!;
    for (const rel of input.section.relocations) enqueueTarget(relocationTarget(input.file, rel));
    for (const dep of dependents.get(input) ?? []) enqueue(dep);
  }
}
