// Test helper: boots a disk image in Bootlab's machine until the guest halts (or a text shows),
// and reads what the tests look at: the screen, cell attributes, 64-bit words of memory, and
// the page-table entry that maps a virtual address.
import { createMachine, type Machine } from '../machine/machine.ts';
import type { StopReason } from '../machine/types.ts';

export interface BootResult {
  machine: Machine;
  stop: StopReason;
  screen: string;
}

/** Runs until hlt with interrupts off, a stop of another kind, `untilText`, or the instruction budget. */
export function bootInMachine(image: Uint8Array, opts: { untilText?: string; maxInstructions?: number; memoryMiB?: number } = {}): BootResult {
  const machine = createMachine({ diskImage: image, ...(opts.memoryMiB !== undefined && { memorySize: opts.memoryMiB * 1024 * 1024 }) });
  const budget = opts.maxInstructions ?? 400_000_000;
  let used = 0;
  let stop: StopReason = { kind: 'slice' };
  while (used < budget) {
    const slice = Math.min(5_000_000, budget - used);
    stop = machine.run({ maxInstructions: slice });
    used += slice;
    if (opts.untilText !== undefined && machine.screenText().includes(opts.untilText)) break;
    if (stop.kind !== 'slice') break;
  }
  return { machine, stop, screen: machine.screenText() };
}

export function read64(machine: Machine, addr: number): bigint {
  return BigInt(machine.mem.read32(addr)) | (BigInt(machine.mem.read32(addr + 4)) << 32n);
}

/** The VGA attribute byte of the cell at row, column. */
export function cellAttribute(machine: Machine, row: number, column: number): number {
  return machine.mem.read8(0xb8000 + (row * 80 + column) * 2 + 1);
}

/** The leaf entry (PTE, or a large PDE) that maps `vaddr` under the PML4 at `root`, or 0n. */
export function leafEntry(machine: Machine, root: bigint, vaddr: bigint): { entry: bigint; level: number } {
  let table = root & 0x000f_ffff_ffff_f000n;
  for (const [level, shift] of [[4, 39n], [3, 30n], [2, 21n], [1, 12n]] as const) {
    const entry = read64(machine, Number(table + ((vaddr >> shift) & 511n) * 8n));
    if ((entry & 1n) === 0n) return { entry: 0n, level };
    if (level === 1 || (level <= 3 && (entry & 0x80n) !== 0n)) return { entry, level };
    table = entry & 0x000f_ffff_ffff_f000n;
  }
  return { entry: 0n, level: 0 };
}

/** Reads a 64-bit word at a virtual address through the page tables the bootloader left. */
export function readVirtual64(machine: Machine, root: bigint, vaddr: bigint): bigint {
  const { entry, level } = leafEntry(machine, root, vaddr);
  if (entry === 0n) throw new Error(`0x${vaddr.toString(16)} is not mapped`);
  const pageMask = (1n << (12n + 9n * BigInt(level - 1))) - 1n;
  const phys = (entry & 0x000f_ffff_ffff_f000n & ~pageMask) | (vaddr & pageMask);
  return read64(machine, Number(phys));
}
