// Assembling boot programs with Bootlab's own assembler (src/x86) for the unit tests, with the
// include directories the NASM harness uses: this folder (inc/probe.inc) and ../cpu/testdata/
// (inc/boot.inc, inc/serial.inc, inc/longmode.inc).
import { readFileSync } from 'node:fs';
import { assemble } from '../../x86/asm/index.ts';

/** Where `%include "inc/…"` is looked for, in this order. */
export const BOOT_INCLUDE_DIRS = [
  new URL('./', import.meta.url).pathname,
  new URL('../cpu/testdata/', import.meta.url).pathname,
];

const readText = (path: string): string | undefined => {
  try { return readFileSync(path, 'utf8'); } catch { return undefined; }
};

/** The bytes of a 16-bit boot program; throws with the assembler's errors when it fails. */
export function assembleBoot(source: string, fileName = 'boot.asm'): Uint8Array {
  const r = assemble(source, { fileName, bits: 16, includeDirs: BOOT_INCLUDE_DIRS, readFile: readText });
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.bytes;
}
