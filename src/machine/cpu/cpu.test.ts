import { describe, expect, it } from 'vitest';
import { reg, run16, run32, run64 } from './test-support.ts';

describe('Cpu runs small programs in each mode', () => {
  it('64-bit: loop, stack, imul with a 64-bit value', () => {
    const r = run64(`mov rax, 5\nmov rbx, 0x123456789\nadd rbx, rax\nl: dec rax\njnz l\npush rbx\npop rcx\nimul rcx, rcx, 3`);
    expect(reg(r, 0)).toBe(0n);
    expect(reg(r, 3)).toBe(0x12345678en);
    expect(reg(r, 1)).toBe(0x12345678en * 3n);
  });
  it('16-bit real mode: loop with cx', () => {
    const r = run16(`mov ax, 0x1234\nmov bx, ax\nadd bx, 0x1111\nmov cx, 3\nx: shl ax, 1\nloop x`);
    expect(reg(r, 0)).toBe(0x91a0n);
    expect(reg(r, 3)).toBe(0x2345n);
  });
  it('32-bit: carry and div', () => {
    const r = run32(`mov eax, 0xffffffff\nadd eax, 1\nsetc bl\nmov ecx, 7\nmov edx, 0\nmov eax, 100\ndiv ecx`);
    expect(reg(r, 0)).toBe(14n);
    expect(reg(r, 3)).toBe(1n);
    expect(reg(r, 2)).toBe(2n);
  });
});
