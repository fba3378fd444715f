// Test helper: compiles IR modules with our code generator, links them with src/link, wraps the
// kernel with our bootloader and runs it in Bootlab's machine until it exits through port 0xf4
// or halts. Returns what the tests compare: the screen, the exit code and memory reads.
import { BOOT_LAYOUT } from '../../../boot/asm/layout.ts';
import { read64, readVirtual64 } from '../../../boot/test-boot.ts';
import { buildBootImage } from '../../../boot/bootimage.ts';
import { link } from '../../../link/link.ts';
import type { ObjectFile } from '../../../link/object.ts';
import { createMachine, type Machine } from '../../../machine/machine.ts';
import type { Module } from '../../ir/types.ts';
import { compileModule } from './object.ts';

export interface RunResult {
  machine: Machine;
  exitCode: number | null;
  stop: string;
  screen: string;
  /** Addresses of the kernel's symbols after linking. */
  symbols: Map<string, bigint>;
}

export function compileLinkBoot(modules: Module[], optLevel: 0 | 3, extraObjects: ObjectFile[] = [], maxInstructions = 200_000_000): RunResult {
  const objects = [...modules.map((m) => compileModule(m, { optLevel }).object), ...extraObjects];
  const linked = link(objects, { entry: '_start', gcSections: true });
  if (!linked.ok) throw new Error(`link failed:\n${linked.stderr}`);
  const image = buildBootImage(linked.bytes!);
  if (!image.ok) throw new Error(image.message);
  const machine = createMachine({ diskImage: image.image });
  let used = 0;
  let stop = 'slice';
  let exitCode: number | null = null;
  while (used < maxInstructions) {
    const s = machine.run({ maxInstructions: 5_000_000 });
    used += 5_000_000;
    stop = s.kind;
    if (s.kind === 'debug-exit') { exitCode = (s as { code: number }).code; break; }
    if (s.kind !== 'slice') break;
  }
  const symbols = new Map<string, bigint>();
  for (const s of linked.symbols ?? []) symbols.set(s.name, s.value);
  return { machine, exitCode, stop, screen: machine.screenText(), symbols };
}

/** Reads `bytes` bytes of kernel memory at a virtual address (through the boot page tables). */
export function readKernel(run: RunResult, vaddr: bigint, bytes: number): bigint {
  const root = read64(run.machine, BOOT_LAYOUT.bootInfo + 0x50);
  let value = 0n;
  for (let i = 0; i < bytes; i += 8) value |= readVirtual64(run.machine, root, vaddr + BigInt(i)) << BigInt(8 * i);
  return BigInt.asUintN(bytes * 8, value);
}
