// Input reading: turns object files into InputFiles whose sections are classified (copied,
// merged, .eh_frame, .comment or ignored) and named after the output section they go to.
// COMDAT groups are resolved here: the first group with a given signature wins, and the
// sections of later copies are dropped, as every ELF linker does.
import {
  GRP_COMDAT, SHF_ALLOC, SHF_EXCLUDE, SHF_MERGE, SHF_TLS, SHT_GROUP, SHT_LLVM_ADDRSIG, SHT_NOBITS, SHT_NULL, SHT_REL,
  SHT_RELA, SHT_STRTAB, SHT_SYMTAB, SHT_SYMTAB_SHNDX, SHT_X86_64_UNWIND, STT_FILE,
} from './elf/constants.ts';
import type { ObjectFile, ObjectSection } from './object.ts';
import type { InputFile, InputSection, SectionKind } from './types.ts';
import type { Diagnostics } from './diagnostics.ts';
import { x86FeatureBits } from './gnu-property.ts';

// Prefixes whose sections are gathered into one output section named by the prefix, the
// default mapping of GNU-compatible linkers without a linker script (.text.foo -> .text).
const OUTPUT_PREFIXES = [
  '.ldata', '.lrodata', '.lbss', '.text', '.rodata', '.data.rel.ro', '.data', '.bss.rel.ro', '.bss',
  '.gcc_except_table', '.init_array', '.fini_array', '.tbss', '.tdata', '.ctors', '.dtors',
];

export function outputSectionName(name: string): string {
  for (const prefix of OUTPUT_PREFIXES) {
    if (name === prefix || name.startsWith(prefix + '.')) return prefix;
  }
  return name;
}

function classify(section: ObjectSection, index: number): SectionKind {
  if (index === 0) return 'ignored';
  switch (section.type) {
    case SHT_NULL:
    case SHT_SYMTAB:
    case SHT_STRTAB:
    case SHT_RELA:
    case SHT_REL:
    case SHT_GROUP:
    case SHT_SYMTAB_SHNDX:
    case SHT_LLVM_ADDRSIG:
      return 'ignored';
  }
  if (section.flags & SHF_EXCLUDE) return 'ignored';
  if (section.name === '.note.GNU-stack' || section.name === '.note.GNU-split-stack') return 'ignored';
  // Property notes are combined across all inputs (gnu-property.ts), never copied.
  if (section.name === '.note.gnu.property') return 'ignored';
  if (section.name === '.eh_frame' || section.type === SHT_X86_64_UNWIND) return 'eh_frame';
  if (!(section.flags & SHF_ALLOC)) {
    // Debug info and other sections that are not loaded are left out of the output (see README).
    return section.name === '.comment' ? 'comment' : 'ignored';
  }
  if (section.flags & SHF_MERGE && section.entsize > 0 && section.type !== SHT_NOBITS) return 'merge';
  return 'regular';
}

export function readInputs(objects: readonly ObjectFile[], diag: Diagnostics): InputFile[] {
  const seenGroups = new Set<string>();
  return objects.map((object, order) => makeInputFile(object, order, seenGroups, diag));
}

/** One input file; `seenGroups` carries the COMDAT signatures already kept by earlier files. */
export function makeInputFile(object: ObjectFile, order: number, seenGroups: Set<string>, diag: Diagnostics): InputFile {
  {
    const fileSymbol = object.symbols.find((s) => s.type === STT_FILE);
    const file: InputFile = {
      object,
      order,
      sourceFile: fileSymbol?.name ?? '',
      sections: [],
      globals: [],
      x86Features: x86FeatureBits(object),
    };
    const dropped = new Set<number>();
    object.sections.forEach((section, index) => {
      if (section.type !== SHT_GROUP || section.data.length < 4) return;
      const view = new DataView(section.data.buffer, section.data.byteOffset, section.data.byteLength);
      if (!(view.getUint32(0, true) & GRP_COMDAT)) return;
      const signature = object.symbols[section.info]?.name ?? '';
      if (!seenGroups.has(signature)) {
        seenGroups.add(signature);
        return;
      }
      for (let off = 4; off + 4 <= section.data.length; off += 4) dropped.add(view.getUint32(off, true));
      void index;
    });
    file.sections = object.sections.map((section, index) => {
      if (dropped.has(index)) return undefined;
      const kind = classify(section, index);
      if (kind === 'ignored') return undefined;
      if (section.flags & SHF_TLS) {
        diag.error(`${object.name}: thread-local storage section ${section.name} is not supported by Bootlab's linker`);
      }
      const input: InputSection = {
        file,
        index,
        section,
        kind,
        outputName: outputSectionName(section.name),
        live: false,
        outputOffset: 0,
      };
      return input;
    });
    return file;
  }
}
