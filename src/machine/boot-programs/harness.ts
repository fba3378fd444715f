// The one harness of the differential boot-program tests (boot-programs/*.asm and
// cpu/testdata/*.asm): NASM assembles a program with both folders as include directories (so
// either may use inc/probe.inc of this folder and the macros of cpu/testdata/inc/), QEMU runs
// the image, and Bootlab's machine runs it; both report what the program
// printed on COM1 and its exit status in the same terms, so a test compares them with toEqual.
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll } from 'vitest';
import { createMachine } from '../machine.ts';
import { BOOT_INCLUDE_DIRS } from './assemble-ours.ts';

const run = promisify(execFile);
const NASM = process.env.NASM ?? 'nasm';
const QEMU = process.env.QEMU ?? 'qemu-system-x86_64';


const here = BOOT_INCLUDE_DIRS[0]!;

/** The programs of this folder, by file name. */
export const BOOT_PROGRAMS = readdirSync(here).filter((f) => f.endsWith('.asm')).sort();

/** Assembles program `name` of this folder into `outDir`; returns the image path. */
export function assembleProgram(name: string, outDir: string): Promise<string> {
  return assembleWithNasm(join(here, name), outDir);
}

/** What a boot program showed: its COM1 output and its exit status. */
export interface BootOutcome {
  serial: string;
  /** isa-debug-exit's (code << 1) | 1; 0 for a triple fault (QEMU runs with -no-reboot); negative when it never ended. */
  status: number;
}

/** Assembles `sourcePath` with NASM into `outDir` (same base name, .img); returns the image path. */
export async function assembleWithNasm(sourcePath: string, outDir: string): Promise<string> {
  const out = join(outDir, sourcePath.split('/').pop()!.replace(/\.asm$/, '.img'));
  const includes = BOOT_INCLUDE_DIRS.flatMap((d) => ['-i', d]);
  await run(NASM, ['-f', 'bin', ...includes, '-o', out, sourcePath]);
  return out;
}

/**
 * The image run in qemu-system-x86_64 (-cpu max: the default qemu64 model lacks POPCNT, LZCNT and
 * BMI1, which Bootlab's CPU reports; 128 MiB; isa-debug-exit at 0xf4), with no monitor traffic
 * while it runs. Not runQemu: its QMP polling (`info registers` and `pmemsave` every 40 ms) stalls
 * the guest, and QEMU's virtual clock follows the host's, so a timing check such as bios-wait's
 * one-second int 15h wait (15 to 25 ticks) was seen to fail under it; without the polling it
 * still depends on host load, but no more than the runner this harness replaced.
 */
export async function qemuOutcome(imagePath: string): Promise<BootOutcome> {
  const dir = mkdtempSync(join(tmpdir(), 'bootlab-qemu-serial-'));
  const serialPath = join(dir, 'serial.txt');
  const args = ['-cpu', 'max', '-display', 'none', '-no-reboot', '-monitor', 'none', '-m', '128',
    '-drive', `format=raw,file=${imagePath}`, '-serial', `file:${serialPath}`,
    '-device', 'isa-debug-exit,iobase=0xf4,iosize=0x04'];
  let status = 0;
  try {
    await run(QEMU, args, { timeout: 20_000 });
  } catch (e) {
    status = (e as { code?: number }).code ?? -1;
  }
  try {
    return { serial: readFileSync(serialPath, 'latin1'), status };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The image run in Bootlab's machine; `hotRuns` 1 compiles every block from its first run. */
export function bootlabOutcome(image: Uint8Array, maxInstructions: number, hotRuns?: number): BootOutcome {
  const m = createMachine({ diskImage: image });
  if (hotRuns !== undefined) m.cpu.hotRuns = hotRuns;
  const stop = m.run({ maxInstructions, maxMs: 20_000 });
  const status = stop.kind === 'debug-exit' ? ((stop.code << 1) | 1) & 0xff : stop.kind === 'triple-fault' ? 0 : -2;
  return { serial: m.serialOutput(), status };
}

/** A temporary directory for the images of the calling suite, made before its tests and removed
 * after them; the returned function gives its path. */
export function suiteTempDir(prefix: string): () => string {
  let dir = '';
  beforeAll(() => { dir = mkdtempSync(join(tmpdir(), prefix)); });
  afterAll(() => { if (dir) rmSync(dir, { recursive: true, force: true }); });
  return () => dir;
}
