// Symbols the linker defines itself when the program refers to them and nobody else defines
// them, as GNU-compatible linkers do: the start of the headers, the ends of code, data and
// everything loaded, the start of .bss, and __start_NAME/__stop_NAME around an output section
// whose name is a C identifier (how `linkme`-style registries find their entries).
import { SHF_ALLOC, SHF_EXECINSTR, SHF_WRITE, SHT_NOBITS } from './elf/constants.ts';
import type { SymbolTable } from './resolve.ts';
import type { OutputSection } from './types.ts';

const RESERVED = ['__ehdr_start', '__executable_start', '_etext', 'etext', '_edata', 'edata', '__bss_start', '_end', 'end', '_GLOBAL_OFFSET_TABLE_'];

/** Marks the reserved names that are referenced and undefined; their values come later. */
export function claimReservedSymbols(table: SymbolTable): void {
  for (const name of RESERVED) {
    const g = table.get(name);
    if (g && !g.definition && !g.common) g.linkerDefined = { value: 0 };
  }
}

/** Claims referenced, undefined __start_NAME/__stop_NAME where a live section is called NAME. */
export function claimStartStopSymbols(table: SymbolTable, sectionNames: ReadonlySet<string>): void {
  for (const g of table.all()) {
    if (g.definition || g.common || g.linkerDefined || !g.referenced) continue;
    const m = /^__(start|stop)_([A-Za-z_][A-Za-z0-9_]*)$/.exec(g.name);
    if (m && sectionNames.has(m[2]!)) g.linkerDefined = { value: 0, protected: true, startStopOf: m[2]!, end: m[1] === 'stop' };
  }
}

export function defineReservedSymbols(table: SymbolTable, sections: readonly OutputSection[], imageBase: bigint): void {
  const alloc = sections.filter((s) => s.flags & SHF_ALLOC);
  const endOf = (s: OutputSection | undefined) => (s ? { output: s, value: s.size } : { value: 0, absolute: imageBase });
  const lastExec = alloc.filter((s) => s.flags & SHF_EXECINSTR).at(-1);
  const lastData = alloc.filter((s) => s.type !== SHT_NOBITS).at(-1);
  const firstBss = alloc.find((s) => s.flags & SHF_WRITE && s.type === SHT_NOBITS && !s.relroPadding);
  const gotPlt = alloc.find((s) => s.name === '.got.plt');
  const values: Record<string, { output?: OutputSection; value: number; absolute?: bigint; hidden?: boolean }> = {
    __ehdr_start: { value: 0, absolute: imageBase, hidden: true },
    __executable_start: { value: 0, absolute: imageBase },
    _etext: endOf(lastExec),
    etext: endOf(lastExec),
    _edata: endOf(lastData),
    edata: endOf(lastData),
    __bss_start: firstBss ? { output: firstBss, value: 0 } : endOf(lastData),
    _end: endOf(alloc.at(-1)),
    end: endOf(alloc.at(-1)),
    _GLOBAL_OFFSET_TABLE_: gotPlt ? { output: gotPlt, value: 0, hidden: true } : { value: 0, hidden: true },
  };
  for (const [name, v] of Object.entries(values)) {
    const g = table.get(name);
    if (g?.linkerDefined && !g.linkerDefined.startStopOf) g.linkerDefined = v;
  }
  for (const g of table.all()) {
    const d = g.linkerDefined;
    if (!d?.startStopOf) continue;
    const out = sections.find((s) => s.name === d.startStopOf);
    // With no live section of that name the symbol is absolute 0, as in lld.
    g.linkerDefined = { ...d, ...(out ? { output: out, value: d.end ? out.size : 0 } : { output: undefined, value: 0 }) };
  }
}
