// A stand-in for the CPU's register file in BIOS tests: holds real-mode registers and records the
// flags a service sets, so a test can call a handler without a CPU.

import type { BiosRegisters } from '../types.ts';

type Reg32 = 'eax' | 'ebx' | 'ecx' | 'edx' | 'esi' | 'edi' | 'ebp' | 'esp';
type Reg16 = 'ax' | 'bx' | 'cx' | 'dx' | 'si' | 'di' | 'bp' | 'sp';
type Reg8 = 'al' | 'ah' | 'bl' | 'bh' | 'cl' | 'ch' | 'dl' | 'dh';
type Seg = 'es' | 'cs' | 'ss' | 'ds' | 'fs' | 'gs';

export interface FakeRegisterValues {
  eax?: number; ebx?: number; ecx?: number; edx?: number; esi?: number; edi?: number; ebp?: number; esp?: number;
  es?: number; cs?: number; ss?: number; ds?: number; fs?: number; gs?: number;
}

export class FakeRegisters implements BiosRegisters {
  readonly r: Record<Reg32, number> = { eax: 0, ebx: 0, ecx: 0, edx: 0, esi: 0, edi: 0, ebp: 0, esp: 0 };
  readonly s: Record<Seg, number> = { es: 0, cs: 0, ss: 0, ds: 0, fs: 0, gs: 0 };
  /** undefined until the service sets the flag. */
  carry: boolean | undefined;
  zero: boolean | undefined;
  interrupts: boolean | undefined;

  constructor(init: FakeRegisterValues = {}) {
    for (const k of Object.keys(this.r) as Reg32[]) if (init[k] !== undefined) this.r[k] = init[k]! >>> 0;
    for (const k of Object.keys(this.s) as Seg[]) if (init[k] !== undefined) this.s[k] = init[k]! & 0xffff;
  }

  private static wide(name: Reg16 | Reg8): Reg32 {
    return `e${name[0]}${name.length === 2 && (name[1] === 'l' || name[1] === 'h') ? 'x' : name[1]}` as Reg32;
  }

  getReg8(name: Reg8): number {
    const v = this.r[FakeRegisters.wide(name)];
    return name[1] === 'h' ? (v >>> 8) & 0xff : v & 0xff;
  }
  setReg8(name: Reg8, value: number): void {
    const w = FakeRegisters.wide(name);
    const v = this.r[w];
    this.r[w] = name[1] === 'h' ? ((v & ~0xff00) | ((value & 0xff) << 8)) >>> 0 : ((v & ~0xff) | (value & 0xff)) >>> 0;
  }
  getReg16(name: Reg16): number {
    return this.r[FakeRegisters.wide(name)] & 0xffff;
  }
  setReg16(name: Reg16, value: number): void {
    const w = FakeRegisters.wide(name);
    this.r[w] = ((this.r[w] & 0xffff0000) | (value & 0xffff)) >>> 0;
  }
  getReg32(name: Reg32): number {
    return this.r[name];
  }
  setReg32(name: Reg32, value: number): void {
    this.r[name] = value >>> 0;
  }
  getSeg(name: Seg): number {
    return this.s[name];
  }
  getSegBase(name: Seg): number {
    return this.s[name] << 4;
  }
  setSeg(name: 'es' | 'ds' | 'fs' | 'gs', selector: number): void {
    this.s[name] = selector & 0xffff;
  }
  setCarry(value: boolean): void {
    this.carry = value;
  }
  setZero(value: boolean): void {
    this.zero = value;
  }
  setInterruptFlag(value: boolean): void {
    this.interrupts = value;
  }
}
