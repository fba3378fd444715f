// The output's .comment: a line naming the linker, then each distinct string from the inputs'
// .comment sections (compiler versions), NUL-terminated, as SHF_MERGE|SHF_STRINGS text.
import { SHF_MERGE, SHF_STRINGS, SHT_PROGBITS } from './elf/constants.ts';
import type { InputFile } from './types.ts';

export const LINKER_COMMENT = 'Linker: Bootlab link';

export function commentSection(files: readonly InputFile[]): Uint8Array {
  const seen = new Set<string>();
  const strings: string[] = [];
  const add = (s: string) => {
    if (seen.has(s)) return;
    seen.add(s);
    strings.push(s);
  };
  add(LINKER_COMMENT);
  for (const file of files) {
    for (const input of file.sections) {
      if (!input || input.kind !== 'comment') continue;
      const text = new TextDecoder().decode(input.section.data);
      for (const part of text.split('\0')) if (part !== '') add(part);
    }
  }
  return new TextEncoder().encode(strings.map((s) => s + '\0').join(''));
}

type AddSection = (name: string, type: number, flags: number, data: Uint8Array, align: number, entsize: number) => number;

export function addComment(add: AddSection, data: Uint8Array): void {
  add('.comment', SHT_PROGBITS, SHF_MERGE | SHF_STRINGS, data, 1, 1);
}
