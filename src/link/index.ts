// Bootlab's linker: ELF64 objects (or the plain object model) in, a static x86-64 executable out.
export { link, linkFiles, DEFAULT_IMAGE_BASE } from './link.ts';
export type { LinkOptions, LinkResult, LinkedSection, InputBytes } from './link.ts';
export type { ObjectFile, ObjectSection, ObjectSymbol, Relocation } from './object.ts';
export { readElfObject, ElfFormatError, isElf } from './elf/reader.ts';
export { formatMessages } from './diagnostics.ts';
export type { LinkMessage } from './diagnostics.ts';
export * as elf from './elf/constants.ts';
export { readElfExecutable } from './elf/executable.ts';
export type { ExecutableInfo } from './elf/executable.ts';
export { readArchive, isArchive } from './archive.ts';
export type { Archive, ArchiveMember } from './archive.ts';
export { demangle } from './demangle.ts';
export { writeElfObject } from './elf/object-writer.ts';
export { ObjectBuilder } from './object-builder.ts';
export type { SectionOptions, SymbolOptions } from './object-builder.ts';
