// Test doubles and helpers for CPU tests: a plain RAM (without code-page marks, so the CPU's
// own write check is exercised), an I/O bus that records writes, assembling with the project's
// assembler, and shortcuts that put the CPU straight into protected or long mode.
import { assemble } from '../../x86/asm/index.ts';
import type { InterruptController, IoBus, PhysicalMemory } from '../types.ts';
import { Cpu, RunResult } from './cpu.ts';
import { CR0_PE, CR0_PG, CR4_PAE, EFER_LMA, EFER_LME, EFER_NXE, Seg } from './state.ts';

export class TestRam implements PhysicalMemory {
  readonly ram: Uint8Array;
  a20 = true;
  constructor(readonly size = 16 << 20) { this.ram = new Uint8Array(size); }
  private a(addr: number): number { return this.a20 ? addr : addr & ~0x100000; }
  read8(addr: number): number { addr = this.a(addr); return addr < this.size ? this.ram[addr] : 0xff; }
  write8(addr: number, v: number): void { addr = this.a(addr); if (addr < this.size) this.ram[addr] = v; }
  read16(addr: number): number { return this.read8(addr) | (this.read8(addr + 1) << 8); }
  write16(addr: number, v: number): void { this.write8(addr, v & 0xff); this.write8(addr + 1, (v >> 8) & 0xff); }
  read32(addr: number): number { return (this.read16(addr) | (this.read16(addr + 2) << 16)) >>> 0; }
  write32(addr: number, v: number): void { this.write16(addr, v & 0xffff); this.write16(addr + 2, (v >>> 16) & 0xffff); }
  writeBytes(addr: number, bytes: Uint8Array): void { for (let i = 0; i < bytes.length; i++) this.write8(addr + i, bytes[i]); }
  readBytes(addr: number, length: number): Uint8Array { const out = new Uint8Array(length); for (let i = 0; i < length; i++) out[i] = this.read8(addr + i); return out; }
}

export class TestIo implements IoBus {
  readonly writes: [number, number, number][] = [];
  inputs = new Map<number, number>();
  onOut: ((port: number, value: number) => void) | null = null;
  in(port: number, size: 1 | 2 | 4): number { return this.inputs.get(port) ?? (size === 1 ? 0xff : size === 2 ? 0xffff : 0xffffffff); }
  out(port: number, size: 1 | 2 | 4, value: number): void { this.writes.push([port, size, value]); this.onOut?.(port, value); }
  /** Bytes written to port `port` as a string. */
  text(port = 0xe9): string { return this.writes.filter((w) => w[0] === port).map((w) => String.fromCharCode(w[2] & 0xff)).join(''); }
}

export class TestPic implements InterruptController {
  pending: number[] = [];
  hasPending(): boolean { return this.pending.length > 0; }
  acknowledge(): number { return this.pending.shift()!; }
}

export function asm(source: string, bits: 16 | 32 | 64 = 16): Uint8Array {
  const r = assemble(source, { fileName: 'test.asm', bits, readFile: () => undefined });
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.bytes;
}

export interface Rig { cpu: Cpu; mem: TestRam; io: TestIo; pic: TestPic }

export function rig(memSize = 16 << 20): Rig {
  const mem = new TestRam(memSize);
  const io = new TestIo();
  const pic = new TestPic();
  const cpu = new Cpu({ mem, io, pic });
  return { cpu, mem, io, pic };
}

/** Runs until hlt (with IF=0 or 1) or the budget; returns the result. */
export function runToHlt(cpu: Cpu, budget = 1_000_000): RunResult {
  return cpu.run(budget);
}

/** Flat 32-bit protected mode, no paging: GDT at 0x500 (null, code 0x08, data 0x10). */
export function enterProtected32(r: Rig): void {
  const { cpu, mem } = r;
  writeGdt(mem, 0x500);
  cpu.gdtBase = 0x500; cpu.gdtLimit = 0x2f;
  cpu.cr0 |= CR0_PE;
  setFlat(cpu, Seg.CS, 0x08, 0xc09b);
  for (const s of [Seg.DS, Seg.ES, Seg.SS, Seg.FS, Seg.GS]) setFlat(cpu, s, 0x10, 0xc093);
  cpu.updateModeFromSegments();
}

/**
 * 64-bit long mode with the first 4 GiB identity mapped by 2 MiB pages: PML4 at 0x10000,
 * PDPT at 0x11000, page directories at 0x12000-0x15fff; GDT at 0x500 (code64 at 0x18).
 */
export function enterLong(r: Rig, opts: { nx?: boolean } = {}): void {
  const { cpu, mem } = r;
  writeGdt(mem, 0x500);
  buildIdentityPaging(mem, 0x10000);
  cpu.gdtBase = 0x500; cpu.gdtLimit = 0x2f;
  cpu.cr3 = 0x10000;
  cpu.cr4 |= CR4_PAE;
  cpu.efer |= EFER_LME | EFER_LMA | (opts.nx ? EFER_NXE : 0);
  cpu.cr0 |= CR0_PE | CR0_PG;
  setFlat(cpu, Seg.CS, 0x18, 0xa09b);
  for (const s of [Seg.DS, Seg.ES, Seg.SS, Seg.FS, Seg.GS]) setFlat(cpu, s, 0x10, 0xc093);
  cpu.tlb.flush();
  cpu.updateModeFromSegments();
}

export function buildIdentityPaging(mem: PhysicalMemory, pml4: number): void {
  const pdpt = pml4 + 0x1000;
  mem.write32(pml4, pdpt | 3); mem.write32(pml4 + 4, 0);
  for (let g = 0; g < 4; g++) {
    const pd = pml4 + 0x2000 + g * 0x1000;
    mem.write32(pdpt + g * 8, pd | 3); mem.write32(pdpt + g * 8 + 4, 0);
    for (let e = 0; e < 512; e++) {
      const addr = g * 0x40000000 + e * 0x200000;
      mem.write32(pd + e * 8, (addr | 0x83) >>> 0); mem.write32(pd + e * 8 + 4, 0);
    }
  }
}

/** null; 0x08 code32; 0x10 data; 0x18 code64; 0x20 code16; 0x28 data16 */
export function writeGdt(mem: PhysicalMemory, at: number): void {
  const d = [
    [0, 0], [0x0000ffff, 0x00cf9a00], [0x0000ffff, 0x00cf9200], [0x0000ffff, 0x00af9a00],
    [0x0000ffff, 0x00009a00], [0x0000ffff, 0x00009200],
  ];
  d.forEach(([lo, hi], k) => { mem.write32(at + k * 8, lo); mem.write32(at + k * 8 + 4, hi); });
}

function setFlat(cpu: Cpu, seg: number, sel: number, attr: number): void {
  cpu.segSel[seg] = sel; cpu.segBase[seg] = 0; cpu.segLimit[seg] = 0xffffffff; cpu.segAttr[seg] = attr;
}

/** Loads code at `addr`, points RIP there, and gives a stack at 0x80000. */
export function load(r: Rig, addr: number, code: Uint8Array): void {
  r.mem.writeBytes(addr, code);
  r.cpu.rip = addr;
  r.cpu.regs[8] = 0x80000;
  r.cpu.regs[9] = 0;
}

/** Assembles `source` in 64-bit mode, runs it to its hlt (IF=0), returns the rig. */
export function run64(source: string, setup?: (r: Rig) => void): Rig {
  const r = rig();
  enterLong(r);
  r.cpu.flags &= ~0x200;
  load(r, 0x100000, asm(`bits 64\norg 0x100000\n${source}\nhlt\n`, 64));
  setup?.(r);
  const res = r.cpu.run(1_000_000);
  if (res !== RunResult.Halted) throw new Error(`did not halt: ${res} ${r.cpu.tripleFaultMessage}\n${r.cpu.dump()}`);
  return r;
}

export function run32(source: string): Rig {
  const r = rig();
  enterProtected32(r);
  r.cpu.flags &= ~0x200;
  load(r, 0x100000, asm(`bits 32\norg 0x100000\n${source}\nhlt\n`, 32));
  const res = r.cpu.run(1_000_000);
  if (res !== RunResult.Halted) throw new Error(`did not halt: ${res} ${r.cpu.tripleFaultMessage}\n${r.cpu.dump()}`);
  return r;
}

export function run16(source: string): Rig {
  const r = rig();
  r.cpu.flags &= ~0x200;
  load(r, 0x7c00, asm(`bits 16\norg 0x7c00\n${source}\nhlt\n`, 16));
  r.cpu.regs[8] = 0x7000;
  const res = r.cpu.run(1_000_000);
  if (res !== RunResult.Halted) throw new Error(`did not halt: ${res} ${r.cpu.tripleFaultMessage}\n${r.cpu.dump()}`);
  return r;
}

/** A 64-bit register as a bigint. */
export function reg(r: Rig, n: number): bigint { return r.cpu.getReg64(n); }
export const hex = (v: bigint) => '0x' + v.toString(16);
