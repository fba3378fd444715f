// The linker's working state: input files with their sections classified, the global symbol
// table, and the output sections the layout builds. Each stage fills in its part.
import type { ObjectFile, ObjectSection, ObjectSymbol } from './object.ts';

export type SectionKind =
  /** Copied into the output as one block (code, data, bss). */
  | 'regular'
  /** SHF_MERGE: split into strings or fixed-size records, deduplicated across inputs. */
  | 'merge'
  /** .eh_frame: split into CIE/FDE records; records of dead functions are dropped. */
  | 'eh_frame'
  /** .comment: merged into the output's non-loaded .comment. */
  | 'comment'
  /** Not part of the output (symbol/string/relocation tables, groups, debug info, notes on stacks). */
  | 'ignored';

export interface InputSection {
  file: InputFile;
  index: number;
  section: ObjectSection;
  kind: SectionKind;
  /** Output section name (.text.foo -> .text). */
  outputName: string;
  live: boolean;
  /** Merge sections: their pieces (set by merge.ts). */
  pieces?: MergePiece[];
  /** Where this section's bytes start inside its output section (regular sections). */
  outputOffset: number;
  output?: OutputSection;
}

export interface MergePiece {
  inputOffset: number;
  size: number;
  live: boolean;
  /** Offset inside the merged block once deduplicated. */
  outputOffset: number;
}

export interface InputFile {
  object: ObjectFile;
  /** Position on the command line (ties in ordering are broken by it). */
  order: number;
  /** Name of the first STT_FILE symbol: rust-lld's last resort for "referenced by". */
  sourceFile: string;
  sections: (InputSection | undefined)[];
  /** For each symbol index: the global symbol it stands for (undefined for locals). */
  globals: (GlobalSymbol | undefined)[];
  /** GNU_PROPERTY_X86_FEATURE_1_AND from .note.gnu.property (IBT, SHSTK); 0 without one. */
  x86Features: number;
}

export interface Definition {
  file: InputFile;
  symbolIndex: number;
  symbol: ObjectSymbol;
}

export interface GlobalSymbol {
  name: string;
  /** The winning definition, if any. */
  definition?: Definition;
  /** A COMMON symbol becomes a definition in .bss; its size and alignment are kept here. */
  common?: { size: number; align: number; file: InputFile; symbolIndex: number; section?: InputSection };
  /** True when every reference is weak (an unresolved weak symbol is 0, not an error). */
  weakOnly: boolean;
  /** Order of first appearance: the output symbol table follows it. */
  order: number;
  /** Some input file names it (names only listed in an archive index do not count). */
  referenced?: boolean;
  /** The first file that named the symbol (a hidden linker-defined symbol is listed with its locals). */
  firstFile?: InputFile;
  /** Set by the linker for symbols it defines itself (__ehdr_start, _end, ...). */
  linkerDefined?: { output?: OutputSection; value: number; absolute?: bigint; hidden?: boolean; protected?: boolean; startStopOf?: string; end?: boolean };
  /** GOT slot index when a GOT entry is needed. */
  gotIndex?: number;
}

export type ChunkContent =
  | { kind: 'input'; input: InputSection }
  | { kind: 'merge'; inputs: InputSection[]; data: Uint8Array }
  | { kind: 'eh_frame'; data: Uint8Array }
  | { kind: 'eh_frame_hdr' }
  | { kind: 'got'; entries: GlobalSymbol[] }
  | { kind: 'bytes'; data: Uint8Array }
  | { kind: 'zero'; size: number };

export interface Chunk {
  content: ChunkContent;
  align: number;
  size: number;
  /** Offset inside the output section. */
  offset: number;
}

export interface OutputSection {
  name: string;
  type: number;
  flags: number;
  align: number;
  entsize: number;
  chunks: Chunk[];
  /** Creation order (ties between output sections of equal rank keep it). */
  order: number;
  /** Sections placed by the linker itself (GOT, padding) sort after input-made ones. */
  synthetic: boolean;
  relro: boolean;
  /** The padding that rounds the RELRO region up to a page (lld's .relro_padding). */
  relroPadding?: boolean;
  size: number;
  /** Address relative to the image base (layout works in these; see `base`). */
  addr: number;
  /** The image base: addr + base is the virtual address (64-bit, so higher-half bases work). */
  base: bigint;
  fileOffset: number;
  /** Index in the output section header table. */
  headerIndex: number;
}
