// int 1Ah AH=B1h: the PCI BIOS (2.10) as SeaBIOS provides it: installation check, finding a
// device by IDs or by class, and configuration reads and writes of bytes, words and dwords.
// Everything goes through configuration mechanism #1 on the port bus (0CF8h/0CFCh).

import type { BiosRegisters, IoBus } from '../types.ts';

const SUCCESSFUL = 0x00, FUNC_NOT_SUPPORTED = 0x81, DEVICE_NOT_FOUND = 0x86;

function address(bus: number, devfn: number, reg: number): number {
  return (0x80000000 | (bus << 16) | (devfn << 8) | (reg & 0xfc)) >>> 0;
}
function read(io: IoBus, bus: number, devfn: number, reg: number, size: 1 | 2 | 4): number {
  io.out(0xcf8, 4, address(bus, devfn, reg));
  return io.in(0xcfc + (reg & 3), size);
}
function write(io: IoBus, bus: number, devfn: number, reg: number, size: 1 | 2 | 4, value: number): void {
  io.out(0xcf8, 4, address(bus, devfn, reg));
  io.out(0xcfc + (reg & 3), size, value);
}

/** The n-th function on bus 0 whose dword at `reg` (masked) is `want`; -1 if none. */
function find(io: IoBus, reg: number, mask: number, want: number, n: number): number {
  for (let devfn = 0; devfn < 256; devfn++) {
    if ((devfn & 7) === 0 && read(io, 0, devfn, 0, 2) === 0xffff) { devfn += 7; continue; }
    if (read(io, 0, devfn, 0, 2) === 0xffff) continue;
    if (((read(io, 0, devfn, reg, 4) & mask) >>> 0) === want && n-- === 0) return devfn;
    // A single-function device shows only function 0.
    if ((devfn & 7) === 0 && !(read(io, 0, devfn, 0x0e, 1) & 0x80)) devfn += 7;
  }
  return -1;
}

function done(regs: BiosRegisters, status: number): void {
  regs.setReg8('ah', status);
  regs.setCarry(status !== SUCCESSFUL);
}

export function pciBios(regs: BiosRegisters, io: IoBus): void {
  const al = regs.getReg8('al');
  const bus = regs.getReg8('bh'), devfn = regs.getReg8('bl'), reg = regs.getReg16('di');
  switch (al) {
    case 0x01:
      regs.setReg8('al', 0x01);              // configuration mechanism #1
      regs.setReg16('bx', 0x0210);           // version 2.10
      regs.setReg8('cl', 0);                 // last bus
      regs.setReg32('edx', 0x20494350);      // 'PCI '
      regs.setReg32('edi', 0);
      done(regs, SUCCESSFUL);
      return;
    case 0x02: case 0x03: {
      const byId = al === 0x02;
      const found = byId
        ? find(io, 0, 0xffffffff, ((regs.getReg16('cx') << 16) | regs.getReg16('dx')) >>> 0, regs.getReg16('si'))
        : find(io, 8, 0xffffff00, ((regs.getReg32('ecx') & 0xffffff) << 8) >>> 0, regs.getReg16('si'));
      if (found < 0) { done(regs, DEVICE_NOT_FOUND); return; }
      regs.setReg8('bh', 0);
      regs.setReg8('bl', found);
      done(regs, SUCCESSFUL);
      return;
    }
    case 0x08: case 0x09: case 0x0a: case 0x0b: case 0x0c: case 0x0d: {
      const size = (al === 0x08 || al === 0x0b ? 1 : al === 0x09 || al === 0x0c ? 2 : 4) as 1 | 2 | 4;
      // SeaBIOS does not check the register's alignment either.
      if (al <= 0x0a) {
        const v = read(io, bus, devfn, reg, size);
        if (size === 1) regs.setReg8('cl', v); else if (size === 2) regs.setReg16('cx', v); else regs.setReg32('ecx', v);
      } else {
        const v = size === 1 ? regs.getReg8('cl') : size === 2 ? regs.getReg16('cx') : regs.getReg32('ecx');
        write(io, bus, devfn, reg, size, v);
      }
      done(regs, SUCCESSFUL);
      return;
    }
    default:
      done(regs, FUNC_NOT_SUPPORTED);
  }
}
