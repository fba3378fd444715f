// ELF64 numbers the linker reads and writes (System V gABI and the x86-64 psABI).
// Only what Bootlab's linker touches is here; names follow the specifications.

export const ELFCLASS64 = 2;
export const ELFCLASS32 = 1;
export const ELFDATA2LSB = 1;
export const EV_CURRENT = 1;

export const ET_REL = 1;
export const ET_EXEC = 2;
export const EM_X86_64 = 62;

export const ELF_HEADER_SIZE = 64;
export const PROGRAM_HEADER_SIZE = 56;
export const SECTION_HEADER_SIZE = 64;
export const SYMBOL_SIZE = 24;
export const RELA_SIZE = 24;
export const REL_SIZE = 16;

// Section header types.
export const SHT_NULL = 0;
export const SHT_PROGBITS = 1;
export const SHT_SYMTAB = 2;
export const SHT_STRTAB = 3;
export const SHT_RELA = 4;
export const SHT_NOTE = 7;
export const SHT_NOBITS = 8;
export const SHT_REL = 9;
export const SHT_INIT_ARRAY = 14;
export const SHT_FINI_ARRAY = 15;
export const SHT_PREINIT_ARRAY = 16;
export const SHT_GROUP = 17;
export const SHT_SYMTAB_SHNDX = 18;
export const SHT_X86_64_UNWIND = 0x70000001;
export const SHT_LLVM_ADDRSIG = 0x6fff4c03;

// Section header flags.
export const SHF_WRITE = 0x1;
export const SHF_ALLOC = 0x2;
export const SHF_EXECINSTR = 0x4;
export const SHF_MERGE = 0x10;
export const SHF_STRINGS = 0x20;
export const SHF_INFO_LINK = 0x40;
export const SHF_LINK_ORDER = 0x80;
export const SHF_GROUP = 0x200;
export const SHF_TLS = 0x400;
export const SHF_COMPRESSED = 0x800;
export const SHF_GNU_RETAIN = 0x200000;
export const SHF_EXCLUDE = 0x80000000;

export const GRP_COMDAT = 1;

// Special section indexes.
export const SHN_UNDEF = 0;
export const SHN_LORESERVE = 0xff00;
export const SHN_ABS = 0xfff1;
export const SHN_COMMON = 0xfff2;
export const SHN_XINDEX = 0xffff;

// Symbol bindings, types and visibilities.
export const STB_LOCAL = 0;
export const STB_GLOBAL = 1;
export const STB_WEAK = 2;
export const STB_GNU_UNIQUE = 10;

export const STT_NOTYPE = 0;
export const STT_OBJECT = 1;
export const STT_FUNC = 2;
export const STT_SECTION = 3;
export const STT_FILE = 4;
export const STT_COMMON = 5;
export const STT_TLS = 6;
export const STT_GNU_IFUNC = 10;

export const STV_DEFAULT = 0;
export const STV_INTERNAL = 1;
export const STV_HIDDEN = 2;
export const STV_PROTECTED = 3;

// Program header types and flags.
export const PT_LOAD = 1;
export const PT_NOTE = 4;
export const PT_PHDR = 6;
export const PT_TLS = 7;
export const PT_GNU_EH_FRAME = 0x6474e550;
export const PT_GNU_STACK = 0x6474e551;
export const PT_GNU_RELRO = 0x6474e552;
export const PT_GNU_PROPERTY = 0x6474e553;

export const PF_X = 1;
export const PF_W = 2;
export const PF_R = 4;

// x86-64 relocation types (psABI table 4.9).
export const R_X86_64 = {
  NONE: 0,
  _64: 1,
  PC32: 2,
  GOT32: 3,
  PLT32: 4,
  COPY: 5,
  GLOB_DAT: 6,
  JUMP_SLOT: 7,
  RELATIVE: 8,
  GOTPCREL: 9,
  _32: 10,
  _32S: 11,
  _16: 12,
  PC16: 13,
  _8: 14,
  PC8: 15,
  DTPMOD64: 16,
  DTPOFF64: 17,
  TPOFF64: 18,
  TLSGD: 19,
  TLSLD: 20,
  DTPOFF32: 21,
  GOTTPOFF: 22,
  TPOFF32: 23,
  PC64: 24,
  GOTOFF64: 25,
  GOTPC32: 26,
  GOT64: 27,
  GOTPCREL64: 28,
  GOTPC64: 29,
  GOTPLT64: 30,
  PLTOFF64: 31,
  SIZE32: 32,
  SIZE64: 33,
  GOTPC32_TLSDESC: 34,
  TLSDESC_CALL: 35,
  TLSDESC: 36,
  IRELATIVE: 37,
  RELATIVE64: 38,
  GOTPCRELX: 41,
  REX_GOTPCRELX: 42,
} as const;

const relocationNames = new Map<number, string>(
  Object.entries(R_X86_64).map(([key, value]) => [value, 'R_X86_64_' + key.replace(/^_/, '')]),
);

/** The psABI name of an x86-64 relocation type, as readelf prints it (R_X86_64_PC32). */
export function relocationName(type: number): string {
  return relocationNames.get(type) ?? `R_X86_64_unknown(${type})`;
}

export const PAGE_SIZE = 0x1000;
