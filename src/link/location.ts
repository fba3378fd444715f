// How rust-lld names a place in an input file: "file.o:(function)" when a symbol of that file
// encloses the offset, else "file.o:(.section+0xoff)", with " in archive A" for archive members.
import { demangle } from './demangle.ts';
import { STB_LOCAL, STT_FILE, STT_SECTION } from './elf/constants.ts';
import type { ObjectSymbol } from './object.ts';
import type { GlobalSymbol, InputFile, InputSection } from './types.ts';

export function objectLocation(section: InputSection, offset: number, resolvedHere?: GlobalSymbol): string {
  const file = section.file;
  const archive = file.object.archiveName ? ` in archive ${file.object.archiveName}` : '';
  const enclosing = enclosingSymbol(section, offset, resolvedHere);
  if (enclosing) return `${file.object.name}:(${demangle(enclosing.name)})${archive}`;
  return `${file.object.name}:(${section.section.name}+0x${offset.toString(16)})${archive}`;
}

/** The first symbol of the section's file (in symbol-table order) whose extent holds `offset`. */
export function enclosingSymbol(section: InputSection, offset: number, resolvedHere?: GlobalSymbol): ObjectSymbol | undefined {
  const file = section.file;
  const symbols = file.object.symbols;
  for (let i = 1; i < symbols.length; i++) {
    const s = symbols[i]!;
    if (s.type === STT_SECTION || s.type === STT_FILE || s.shndx !== section.index) continue;
    if (s.binding !== STB_LOCAL) {
      // A global counts for this file only when its winning definition is this very symbol
      // (during resolution the file's globals may not be known yet: then it does not count).
      const global = file.globals[i];
      const winsHere = global !== undefined && global.definition?.file === file && global.definition.symbolIndex === i;
      if (!winsHere && !(global !== undefined && global === resolvedHere)) continue;
    }
    const start = Number(s.value);
    if (start <= offset && offset < start + Number(s.size)) return s;
  }
  return undefined;
}

/** How lld names a file on its own: "a.o", or "lib.a(member.o)" for an archive member. */
export function fileLabel(file: InputFile): string {
  const o = file.object;
  return o.archiveName ? `${o.archiveName}(${o.name.slice(o.name.lastIndexOf('/') + 1)})` : o.name;
}

/** rust-lld's "file.o:(.section+0xoff)" form used before relocation errors. */
export function addressDescription(section: InputSection, offset: number): string {
  const file = section.file;
  const archive = file.object.archiveName ? ` in archive ${file.object.archiveName}` : '';
  return `${file.object.name}:(${section.section.name}+0x${offset.toString(16)})${archive}`;
}
