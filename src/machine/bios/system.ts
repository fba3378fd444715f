// int 15h: system services. What boot loaders use is here: A20 control (AX=240xh), the memory
// map (AX=E820h, and the older E801h / AH=88h), the long-mode hint (AX=EC00h), the wait
// (AH=86h) and the configuration table (AH=C0h). Anything else answers "unsupported": CF=1,
// AH=86h, as real BIOSes do for functions they lack.

import type { BiosHandler, BiosRegisters, PhysicalMemory } from '../types.ts';
import { fail, segAddress, succeed, UNSUPPORTED, type BiosContext } from './context.ts';
import { BIOS_SEGMENT, CONFIG_TABLE_OFFSET, EBDA_BASE } from './layout.ts';

export const SMAP_SIGNATURE = 0x534d4150; // 'SMAP'

export const E820_USABLE = 1;
export const E820_RESERVED = 2;

export interface MemoryMapEntry {
  base: number;
  length: number;
  type: number;
}

const MIB = 1024 * 1024;

/**
 * What SeaBIOS keeps for its tables at the top of RAM (128 KiB) and reports as reserved; the
 * map keeps it so that a kernel placing things at the end of usable RAM puts them where it
 * does in QEMU.
 */
const TOP_RESERVED = 128 * 1024;

/**
 * The physical memory map the BIOS reports for `ramSize` bytes of RAM: entry for entry the map
 * SeaBIOS gives under QEMU (-m below 3.5 GiB), including the flash ROM below 4 GiB.
 */
export function memoryMap(ramSize: number): MemoryMapEntry[] {
  return [
    { base: 0, length: EBDA_BASE, type: E820_USABLE },
    { base: EBDA_BASE, length: 0xa0000 - EBDA_BASE, type: E820_RESERVED },
    { base: 0xf0000, length: 0x10000, type: E820_RESERVED },
    { base: MIB, length: ramSize - MIB - TOP_RESERVED, type: E820_USABLE },
    { base: ramSize - TOP_RESERVED, length: TOP_RESERVED, type: E820_RESERVED },
    { base: 0xfffc0000, length: 0x40000, type: E820_RESERVED },
  ];
}

function e820(regs: BiosRegisters, mem: PhysicalMemory): void {
  const map = memoryMap(mem.size);
  const index = regs.getReg32('ebx');
  if (regs.getReg32('edx') !== SMAP_SIGNATURE || index >= map.length || regs.getReg32('ecx') < 20) {
    fail(regs, UNSUPPORTED);
    return;
  }
  const entry = map[index]!;
  const out = segAddress(regs, 'es', regs.getReg16('di'));
  mem.write32(out, entry.base >>> 0);
  mem.write32(out + 4, Math.floor(entry.base / 0x100000000));
  mem.write32(out + 8, entry.length >>> 0);
  mem.write32(out + 12, Math.floor(entry.length / 0x100000000));
  mem.write32(out + 16, entry.type);
  // 20-byte entries even when 24 are offered, as SeaBIOS answers: callers that ask for ACPI 3.0
  // entries pre-set the attribute dword themselves.
  regs.setReg32('eax', SMAP_SIGNATURE);
  regs.setReg32('ecx', 20);
  regs.setReg32('ebx', index + 1 < map.length ? index + 1 : 0);
  regs.setCarry(false);
}

/**
 * AH=87h: copies CX words between two 24-bit (or 32-bit) physical addresses described by
 * descriptors 2 and 3 of the table at ES:SI (source at +0x10, destination at +0x18). The copy
 * runs with A20 on, as the BIOS enables it for the move, and leaves A20 as it found it.
 */
function moveExtendedMemory(regs: BiosRegisters, mem: PhysicalMemory): void {
  const table = segAddress(regs, 'es', regs.getReg16('si'));
  const base = (descriptor: number): number =>
    (mem.read16(descriptor + 2) | (mem.read8(descriptor + 4) << 16) | (mem.read8(descriptor + 7) << 24)) >>> 0;
  const words = regs.getReg16('cx');
  if (words > 0x8000) {
    fail(regs, 0x01);
    return;
  }
  const source = base(table + 0x10);
  const dest = base(table + 0x18);
  const a20 = mem.a20;
  mem.a20 = true;
  mem.writeBytes(dest, mem.readBytes(source, words * 2));
  mem.a20 = a20;
  succeed(regs);
}

export function createSystemService(ctx: BiosContext): BiosHandler {
  // AH=86h: the guest time the current wait ends at (-1: no wait in progress).
  let waitUntil = -1;
  return (regs, mem) => {
    const ax = regs.getReg16('ax');
    const ah = ax >> 8;
    switch (ax) {
      case 0x2400:
        mem.a20 = false;
        succeed(regs);
        return;
      case 0x2401:
        mem.a20 = true;
        succeed(regs);
        return;
      case 0x2402:
        succeed(regs);
        regs.setReg8('al', mem.a20 ? 1 : 0);
        return;
      case 0x2403:
        succeed(regs);
        regs.setReg16('bx', 0x0003); // A20 through the keyboard controller and port 0x92
        return;
      case 0xe820:
        e820(regs, mem);
        return;
      case 0xe801: {
        const above1 = Math.max(0, Math.min(mem.size, 16 * MIB) - MIB) / 1024;
        const above16 = Math.floor(Math.max(0, mem.size - TOP_RESERVED - 16 * MIB) / 65536);
        regs.setReg16('ax', above1);
        regs.setReg16('cx', above1);
        regs.setReg16('bx', Math.min(0xffff, above16));
        regs.setReg16('dx', Math.min(0xffff, above16));
        regs.setCarry(false);
        return;
      }
      case 0xec00:
        // Target operating mode hint (BL=1 legacy, 2 long mode, 3 both): nothing to change here.
        succeed(regs);
        return;
      default:
        break;
    }
    switch (ah) {
      case 0x88: {
        // Extended memory in KiB; like many BIOSes, capped at 63 MiB so 16-bit callers are safe.
        const kib = Math.max(0, mem.size - MIB) / 1024;
        regs.setReg16('ax', Math.min(kib, 0xfc00));
        regs.setCarry(false);
        return;
      }
      case 0x86: {
        // Wait CX:DX microseconds with interrupts on, as SeaBIOS does: the CPU idles on the stub
        // ('retry') and timer interrupts are taken (the BIOS tick count goes on) until the time
        // has passed; it is checked at each interrupt, so the wait ends at the first timer
        // interrupt after it (within 55 ms at the BIOS's timer rate).
        const clock = ctx.clock;
        if (clock) {
          if (waitUntil < 0) waitUntil = clock.nowNs + ((regs.getReg16('cx') * 65536 + regs.getReg16('dx')) * 1000);
          if (clock.nowNs < waitUntil) return 'retry';
          waitUntil = -1;
        }
        succeed(regs);
        return;
      }
      case 0x90: // device busy
      case 0x91: // interrupt complete
        succeed(regs);
        return;
      case 0x87:
        moveExtendedMemory(regs, mem);
        return;
      case 0xc0:
        regs.setSeg('es', BIOS_SEGMENT);
        regs.setReg16('bx', CONFIG_TABLE_OFFSET);
        succeed(regs);
        return;
      case 0x4f: // keyboard intercept: leave the scan code alone
        regs.setCarry(true);
        return;
      default:
        fail(regs, UNSUPPORTED);
    }
  };
}
