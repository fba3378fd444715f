// The plain object model the linker works on. readElfObject() builds it from a relocatable
// ELF64 file; a compiler can build it directly and skip serialising an object file.
// Indexes follow ELF: sections[i] is section header i (sections[0] is the null section),
// symbols[i] is symbol table entry i (symbols[0] is the null symbol), and a relocation names
// its symbol by that index.

export interface ObjectFile {
  /** How messages name the file (rust-lld prints the path it was given). */
  name: string;
  /** When the file came out of an archive, the archive's path (messages add "in archive X"). */
  archiveName?: string;
  /** e_ident[EI_OSABI] (0 = System V, 3 = GNU, which objects using GNU extensions carry). */
  osabi?: number;
  sections: ObjectSection[];
  symbols: ObjectSymbol[];
}

export interface ObjectSection {
  name: string;
  /** SHT_* (SHT_PROGBITS, SHT_NOBITS, SHT_NOTE, SHT_INIT_ARRAY, SHT_GROUP, ...). */
  type: number;
  /** SHF_* bits. */
  flags: number;
  addralign: number;
  entsize: number;
  /** Contents; for SHT_NOBITS an empty array and the size in `size`. */
  data: Uint8Array;
  size: number;
  /** Relocations applying to this section (from its SHT_RELA/SHT_REL section). */
  relocations: Relocation[];
  /** sh_link and sh_info as in the file (SHF_LINK_ORDER and SHT_GROUP use them). */
  link: number;
  info: number;
}

export interface ObjectSymbol {
  name: string;
  /** Section-relative value for defined symbols; the address for SHN_ABS; alignment for COMMON. */
  value: bigint;
  size: bigint;
  /** STT_* */
  type: number;
  /** STB_* */
  binding: number;
  /** STV_* */
  visibility: number;
  /** Section index, or SHN_UNDEF / SHN_ABS / SHN_COMMON. */
  shndx: number;
}

export interface Relocation {
  /** Offset of the field inside the section. */
  offset: number;
  /** R_X86_64_* */
  type: number;
  /** Index into ObjectFile.symbols. */
  symbol: number;
  addend: bigint;
}
