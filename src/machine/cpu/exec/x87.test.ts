// The x87 subset: detection after fninit, arithmetic through the register stack, integer and
// real stores, rounding modes, compares into EFLAGS, an 80-bit round trip, and #NM with CR0.TS.
// (The project's assembler has no x87 mnemonics: the instructions are written as bytes.)
import { describe, expect, it } from 'vitest';
import { run32 } from '../test-support.ts';

const FNINIT = 'db 0xdb, 0xe3', FLD1 = 'db 0xd9, 0xe8', FLDZ = 'db 0xd9, 0xee';

describe('x87', () => {
  it('reports a clean FPU after fninit and adds, divides and stores', () => {
    const r = run32(`
  mov dword [0x2010], 8
  ${FNINIT}
  db 0xdf, 0xe0                 ; fnstsw ax
  mov ebx, eax
  db 0xd9, 0x3d                 ; fnstcw [0x2000]
  dd 0x2000
  ${FLD1}
  ${FLD1}
  db 0xde, 0xc1                 ; faddp st1, st0 -> 2
  db 0xda, 0x35                 ; fidiv dword [0x2010] (8) -> 0.25
  dd 0x2010
  db 0xdd, 0x1d                 ; fstp qword [0x2020]
  dd 0x2020
  ${FLD1}
  db 0xd9, 0xe0                 ; fchs -> -1
  db 0xdb, 0x1d                 ; fistp dword [0x2030]
  dd 0x2030`);
    expect(r.cpu.regs[6] & 0xffff).toBe(0);
    expect(r.mem.read32(0x2000) & 0xffff).toBe(0x037f);
    expect([r.mem.read32(0x2020), r.mem.read32(0x2024)]).toEqual([0, 0x3fd00000]);   // 0.25
    expect(r.mem.read32(0x2030) | 0).toBe(-1);
  });

  it('rounds fistp as the control word says and compares into EFLAGS', () => {
    const r = run32(`
  mov dword [0x2000], 0
  mov dword [0x2004], 0x40040000     ; 2.5
  mov word [0x2010], 0x0f7f          ; truncate
  ${FNINIT}
  db 0xdd, 0x05                      ; fld qword [0x2000]
  dd 0x2000
  db 0xdb, 0x1d                      ; fistp dword [0x2020] (nearest even: 2)
  dd 0x2020
  db 0xd9, 0x2d                      ; fldcw [0x2010]
  dd 0x2010
  db 0xdd, 0x05
  dd 0x2000
  db 0xd9, 0xe0                      ; fchs -> -2.5
  db 0xdb, 0x1d                      ; fistp dword [0x2024] (truncate: -2)
  dd 0x2024
  ${FLD1}
  ${FLDZ}
  db 0xdb, 0xf1                      ; fcomi st0, st1: 0 < 1
  setb al
  movzx eax, al`);
    expect([r.mem.read32(0x2020) | 0, r.mem.read32(0x2024) | 0]).toEqual([2, -2]);
    expect(r.cpu.regs[0]).toBe(1);
  });

  it('stores and loads an 80-bit real exactly, and raises #NM when CR0.TS is set', () => {
    const r = run32(`
  mov dword [0x2000], 0x9999999a
  mov dword [0x2004], 0x3fb99999     ; 0.1
  ${FNINIT}
  db 0xdd, 0x05
  dd 0x2000
  db 0xdb, 0x3d                      ; fstp tword [0x2010]
  dd 0x2010
  db 0xdb, 0x2d                      ; fld tword [0x2010]
  dd 0x2010
  db 0xdd, 0x1d                      ; fstp qword [0x2030]
  dd 0x2030`);
    expect([r.mem.read32(0x2030) >>> 0, r.mem.read32(0x2034)]).toEqual([0x9999999a, 0x3fb99999]);
    expect(r.mem.read32(0x2018) & 0xffff).toBe(0x3ffb);        // exponent of 0.1
    expect(() => run32(`
  mov eax, cr0
  or eax, 8
  mov cr0, eax
  ${FNINIT}`)).toThrow(/did not halt/);                       // #NM with no IDT: triple fault
  });
});
