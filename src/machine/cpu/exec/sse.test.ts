// SSE execution in 64-bit mode: the faults the manuals list (#UD without CR4.OSFXSR or with
// CR0.EM, #NM with CR0.TS, #GP(0) for a misaligned 16-byte operand except movups/movupd/
// movdqu), prefix selection (F2 over 66), and a few results checked by hand. (Results over
// many inputs are compared with the host CPU in host.oracle.test.ts.)
import { describe, expect, it } from 'vitest';
import { RunResult } from '../cpu.ts';
import { asm, enterLong, enterProtected32, load, reg, rig, type Rig } from '../test-support.ts';

const CR4_OSFXSR = 0x200;

/**
 * Runs `body` with handlers for #UD, #NM and #GP that put the vector in r15 (and #GP's error
 * code in r14) and halt; r15 = 0xff when the body reaches its end.
 */
function runSse(body: string, opts: { cr4?: number; cr0Or?: number } = {}): Rig {
  const r = rig();
  enterLong(r);
  r.cpu.flags &= ~0x200;
  r.cpu.cr4 |= opts.cr4 ?? CR4_OSFXSR;
  r.cpu.cr0 |= opts.cr0Or ?? 0;
  const source = `bits 64
org 0x100000
  jmp main
  times 0x10-($-$$) nop
  mov r15d, 6
  hlt
  times 0x20-($-$$) nop
  mov r15d, 7
  hlt
  times 0x30-($-$$) nop
  mov r15d, 13
  pop r14
  hlt
  times 0x40-($-$$) nop
main:
${body}
  mov r15d, 0xff
  hlt
align 16
data: dq 0x0706050403020100, 0x0f0e0d0c0b0a0908, 0x1716151413121110, 0x1f1e1d1c1b1a1918
`;
  load(r, 0x100000, asm(source, 64));
  const idt = 0x8000;
  for (const [vector, at] of [[6, 0x100010], [7, 0x100020], [13, 0x100030]]) {
    const g = idt + vector * 16;
    r.mem.write32(g, (at & 0xffff) | (0x18 << 16));
    r.mem.write32(g + 4, 0x8e00 | (at & 0xffff0000));
    r.mem.write32(g + 8, 0);
    r.mem.write32(g + 12, 0);
  }
  r.cpu.idtBase = idt;
  r.cpu.idtLimit = 256 * 16 - 1;
  expect(r.cpu.run(100_000)).toBe(RunResult.Halted);
  return r;
}

const vector = (r: Rig) => Number(reg(r, 15));

describe('SSE faults', () => {
  it('#UD without CR4.OSFXSR, and with CR0.EM', () => {
    expect(vector(runSse('movaps xmm0, xmm1', { cr4: 0 }))).toBe(6);
    expect(vector(runSse('pxor xmm0, xmm0', { cr0Or: 4 }))).toBe(6);
    expect(vector(runSse('pxor xmm0, xmm0'))).toBe(0xff);
  });

  it('#NM with CR0.TS', () => {
    expect(vector(runSse('addsd xmm0, xmm1', { cr0Or: 8 }))).toBe(7);
  });

  it('#GP(0) for a misaligned 16-byte operand, except the unaligned moves', () => {
    for (const ins of ['movdqa xmm0, [rel data+8]', 'movaps [rel data+4], xmm0', 'addps xmm0, [rel data+1]', 'pxor xmm0, [rel data+8]', 'movntdq [rel data+8], xmm1']) {
      const r = runSse(ins);
      expect([ins, vector(r), Number(reg(r, 14))]).toEqual([ins, 13, 0]);
    }
    for (const ins of ['movdqu xmm0, [rel data+3]', 'movups [rel data+5], xmm0', 'movupd xmm0, [rel data+9]', 'addss xmm0, [rel data+1]', 'movq xmm0, [rel data+3]']) {
      expect([ins, vector(runSse(ins))]).toEqual([ins, 0xff]);
    }
  });
});

describe('SSE results', () => {
  it('loads unaligned bytes, finds a byte with pcmpeqb/pmovmskb, moves to general registers', () => {
    const r = runSse(`
  movdqu xmm0, [rel data+3]
  movq rax, xmm0
  mov ecx, 0x0c0c0c0c
  movd xmm1, ecx
  pshufd xmm1, xmm1, 0
  pcmpeqb xmm1, xmm0
  pmovmskb ebx, xmm1
  psrldq xmm0, 8
  movq rdx, xmm0`);
    expect(reg(r, 0)).toBe(0x0a09080706050403n);
    expect(reg(r, 3)).toBe(1n << 9n);
    expect(reg(r, 2)).toBe(0x1211100f0e0d0c0bn);
  });

  it('converts with the integer indefinite for NaN and out-of-range values', () => {
    const r = runSse(`
  mov rax, 0x7ff8000000000000
  movq xmm0, rax
  cvttsd2si eax, xmm0
  mov rbx, 0x43f0000000000000
  movq xmm1, rbx
  cvttsd2si rbx, xmm1
  mov ecx, -7
  cvtsi2sd xmm2, ecx
  cvttsd2si rcx, xmm2`);
    expect(reg(r, 0)).toBe(0x80000000n);
    expect(reg(r, 3)).toBe(0x8000000000000000n);
    expect(reg(r, 1)).toBe(0xfffffffffffffff9n);
  });

  it('takes F2 before 66 as the mandatory prefix, and keeps movsd the string move', () => {
    const r = runSse(`
  mov rax, 0x4000000000000000
  movq xmm1, rax
  pxor xmm0, xmm0
  db 0x66, 0xf2, 0x0f, 0x10, 0xc1          ; movsd xmm0, xmm1 (66 ignored)
  movq rbx, xmm0
  lea rsi, [rel data]
  lea rdi, [rel data+16]
  movsd
  mov ecx, [rel data+16]`);
    expect(reg(r, 3)).toBe(0x4000000000000000n);
    expect(reg(r, 1)).toBe(0x03020100n);
  });

  it('runs in 32-bit protected mode too (xmm0-xmm7, the 66 prefix as mandatory prefix)', () => {
    const r = rig();
    enterProtected32(r);
    r.cpu.flags &= ~0x200;
    r.cpu.cr4 |= CR4_OSFXSR;
    load(r, 0x100000, asm(`bits 32
org 0x100000
  movdqu xmm7, [data]
  paddd xmm7, xmm7
  pshufd xmm6, xmm7, 0x4e
  movd eax, xmm6
  cvtsi2sd xmm5, eax
  addsd xmm5, xmm5
  cvttsd2si ebx, xmm5
  hlt
data: dd 1, 2, 0x40000000, 4
`, 32));
    expect(r.cpu.run(10_000)).toBe(RunResult.Halted);
    expect(r.cpu.regs[0]).toBe(0x80000000 | 0);
    expect(r.cpu.regs[6]).toBe(0x80000000 | 0);  // -2^31 * 2 is out of range: the integer indefinite
  });
});
