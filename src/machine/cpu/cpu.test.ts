import { describe, expect, it, vi } from 'vitest';
import { asm, enterLong, load, reg, rig, run16, run32, run64 } from './test-support.ts';
import { RunResult } from './cpu.ts';

vi.setConfig({ testTimeout: 60_000 });

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

describe('compiled blocks behave as the interpreter', () => {
  const program = `
    mov rcx, 3000
    xor rax, rax
    mov rbx, 0x123456789
    mov rsi, 0x200000
  l:
    add rax, rcx
    imul rbx, rbx, 5
    xor rax, rbx
    mov [rsi + rcx*8], rax
    ror rbx, 7
    test cl, 3
    jnz skip
    call f
  skip:
    dec rcx
    jnz l
    mov rdi, [rsi + 8]
    jmp done
  f:
    push rax
    add qword [rsi], 3
    pop rax
    ret
  done:`;

  function final(compile: boolean, slice: number) {
    const r = rig();
    enterLong(r);
    r.cpu.flags &= ~0x200;
    r.cpu.compileBlocks = compile;
    load(r, 0x100000, asm(`bits 64\norg 0x100000\n${program}\nhlt\n`, 64));
    let res = RunResult.Budget;
    while (res === RunResult.Budget) res = r.cpu.run(slice);
    expect(res).toBe(RunResult.Halted);
    return { regs: Array.from(r.cpu.regs), rip: r.cpu.rip, icount: r.cpu.icount, flags: r.cpu.getFlags(), sum: r.mem.ram.subarray(0x200000, 0x206000).reduce((a, b) => (a * 31 + b) >>> 0, 0) };
  }

  it('same registers, flags, memory and instruction count, in one run or in odd slices', () => {
    const interpreted = final(false, 1_000_000);
    expect(final(true, 1_000_000)).toEqual(interpreted);
    expect(final(true, 7)).toEqual(interpreted);
    expect(final(false, 13)).toEqual(interpreted);
  });

  it('jcc after an inline cmp/sub/test takes the branches the interpreter takes (32 and 64 bits, all 16 conditions)', () => {
    const conds = ['jb', 'jae', 'jbe', 'ja', 'jl', 'jge', 'jle', 'jg', 'je', 'jne', 'js', 'jns', 'jo', 'jno', 'jp', 'jnp'];
    const body = conds.flatMap((cc, k) => [
      `  shl r12, 1`, `  cmp rax, rbx`, `  ${cc} t${k}a`, `  or r12, 1`,
      `t${k}a:`, `  shl r12, 1`, `  cmp eax, ebx`, `  ${cc} t${k}b`, `  or r12, 1`,
      `t${k}b:`, `  mov rdx, rax`, `  sub rdx, rbx`, `  ${cc} t${k}c`, `  add r13, ${k + 1}`,
      `t${k}c:`, `  test eax, ebx`, `  ${cc} t${k}d`, `  add r14, ${k + 1}`,
      `t${k}d:`, `  add r15, r12`, `  rol r15, 3`,
    ]).join('\n');
    const program = `
      mov rsi, values
      mov ecx, 0
    outer:
      mov rax, [rsi + rcx*8]
      mov edi, 0
    inner:
      mov rbx, [rsi + rdi*8]
${body}
      inc edi
      cmp edi, 8
      jb inner
      inc ecx
      cmp ecx, 8
      jb outer
      jmp done
    align 8
    values: dq 0, 1, -1, 0x7fffffff, 0x80000000, 0x7fffffffffffffff, 0x8000000000000000, 0xffffffff
    done:`;
    const run = (compile: boolean, hotRuns: number) => {
      const r = rig();
      enterLong(r);
      r.cpu.flags &= ~0x200;
      r.cpu.compileBlocks = compile;
      r.cpu.hotRuns = hotRuns;
      load(r, 0x100000, asm(`bits 64\norg 0x100000\n${program}\nhlt\n`, 64));
      expect(r.cpu.run(10_000_000)).toBe(RunResult.Halted);
      return { regs: Array.from(r.cpu.regs), icount: r.cpu.icount, flags: r.cpu.getFlags() };
    };
    const interpreted = run(false, 64);
    expect(run(true, 1)).toEqual(interpreted);
    expect(run(true, 3)).toEqual(interpreted);
  });

  it('a fault inside a compiled block is taken at the right instruction', () => {
    // The loop walks up to an unmapped page; the #PF handler records CR2 and the faulting RIP.
    const r = rig();
    enterLong(r);
    r.cpu.flags &= ~0x200;
    r.mem.write32(0x12000 + 8 * 8, 0);   // unmap 16-18 MiB (PD entry 8)
    load(r, 0x100000, asm(`bits 64\norg 0x100000
      mov rax, pf
      mov [0x30000 + 14*16], ax
      mov word [0x30000 + 14*16 + 2], 0x18
      mov word [0x30000 + 14*16 + 4], 0x8e00
      shr rax, 16
      mov [0x30000 + 14*16 + 6], ax
      mov dword [0x30000 + 14*16 + 8], 0
      lidt [idtr]
      mov rsi, 0x1000000 - 0x100 * 8
      mov r10, l
    l:
      mov rax, [rsi]
      add rsi, 8
      jmp l
    pf:
      mov r8, cr2
      mov r9, [rsp + 8]
      hlt
    idtr: dw 0xfff
      dq 0x30000
    `, 64));
    expect(r.cpu.run(1_000_000)).toBe(RunResult.Halted);
    expect(reg(r, 8)).toBe(0x1000000n);
    expect(reg(r, 9)).toBe(reg(r, 10));  // the mov rax, [rsi], not the instruction after it
  });
});
