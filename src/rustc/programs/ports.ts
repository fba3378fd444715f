// The helper objects of the test programs, written in NASM syntax and assembled by our assembler
// (nasm gives the same bytes: programs.oracle.test.ts checks):
// - ports.asm (both builds link it): outb/inb/outl/inl, since our compiler refuses `asm!`;
// - mem.asm (rustc builds only): memcpy/memmove/memset/memcmp/bcmp, which the host target
//   expects from libc; Bootlab's builds get them from our compiler_builtins' `mem` feature.
// Each file is a flat binary ending with a table of its functions' offsets, from which the
// object's symbols are made.
import { readFileSync } from 'node:fs';
import { assemble } from '../../x86/asm/index.ts';
import { ObjectBuilder } from '../../link/object-builder.ts';
import { writeElfObject } from '../../link/elf/object-writer.ts';
import type { ObjectFile } from '../../link/object.ts';

export interface HelperAsm {
  file: string;
  /** The functions, in the order of the file's `symbol_table`. */
  functions: readonly string[];
}

export const PORTS_ASM: HelperAsm = { file: 'ports.asm', functions: ['outb', 'inb', 'outl', 'inl'] };
export const MEM_ASM: HelperAsm = { file: 'mem.asm', functions: ['memcpy', 'memmove', 'memset', 'memcmp', 'bcmp'] };

export function helperSource(helper: HelperAsm): string {
  return readFileSync(new URL(`./${helper.file}`, import.meta.url), 'utf8');
}

/** The flat bytes, assembled by src/x86/asm. */
export function assembleHelper(helper: HelperAsm): Uint8Array {
  const result = assemble(helperSource(helper), { fileName: helper.file, bits: 64, readFile: () => undefined });
  if (!result.ok) throw new Error(`${helper.file}: ${result.errors.join('\n')}`);
  return result.bytes;
}

/** The object model: `.text` without the offset table, one global function symbol per entry. */
export function helperObject(helper: HelperAsm): ObjectFile {
  const bytes = assembleHelper(helper);
  const tableBytes = helper.functions.length * 4;
  const codeEnd = bytes.length - tableBytes;
  const view = new DataView(bytes.buffer, bytes.byteOffset + codeEnd, tableBytes);
  const offsets = helper.functions.map((_, i) => view.getUint32(i * 4, true));
  const builder = new ObjectBuilder(helper.file.replace(/\.asm$/, '.o'), helper.file).section('.text', { data: bytes.slice(0, codeEnd), align: 16 });
  helper.functions.forEach((name, i) => {
    const end = Math.min(codeEnd, ...offsets.filter((o) => o > offsets[i]!));
    builder.symbol(name, { section: '.text', value: offsets[i]!, size: end - offsets[i]! });
  });
  return builder.build();
}

/** The same object as a relocatable ELF file (for rust-lld, and for our linker's byte input). */
export function helperElf(helper: HelperAsm): Uint8Array {
  return writeElfObject(helperObject(helper));
}
