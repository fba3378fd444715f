// Assembling the boot programs of this folder with NASM for the oracle tests: include paths
// are this folder (inc/probe.inc) and ../cpu/testdata/ (the shared boot macros).
import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const NASM = process.env.NASM ?? 'nasm';
const here = new URL('./', import.meta.url).pathname;
const shared = new URL('../cpu/testdata/', import.meta.url).pathname;

/** The programs of this folder, by file name. */
export const BOOT_PROGRAMS = readdirSync(here).filter((f) => f.endsWith('.asm')).sort();

/** Assembles program `name` into `outDir`; returns the image path. */
export async function assembleProgram(name: string, outDir: string): Promise<string> {
  const out = join(outDir, name.replace(/\.asm$/, '.img'));
  await run(NASM, ['-f', 'bin', '-i', here, '-i', shared, '-o', out, join(here, name)]);
  return out;
}
