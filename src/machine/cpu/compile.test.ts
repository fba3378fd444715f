// The block compiler against the interpreter: the same guest code run with compiled blocks
// (compiled at once, and once hot) and without, in one run and in odd slices, must end with the
// same registers, flags, memory, RIP and instruction count. The programs exercise what the
// compiler does differently: registers in locals, symbolic flags, RAM fast paths, loops that
// run inside their function (with faults, interrupts and writes into their own code).
import { describe, expect, it, vi } from 'vitest';
import { asm, enterLong, load, rig, type Rig } from './test-support.ts';
import { RunResult } from './cpu.ts';

vi.setConfig({ testTimeout: 60_000 });

interface Final { result: RunResult; regs: number[]; rip: number; icount: number; flags: number; memory: number; log: string }

interface Options {
  /** Instructions per `run` call. */
  slice?: number;
  /** Called before each slice with the slice number (raise interrupts...). */
  between?: (r: Rig, n: number) => void;
  /** Leave IF set. */
  interrupts?: boolean;
  setup?: (r: Rig) => void;
}

/** IDT at 0x30000 with 64-bit interrupt gates for the given vectors (code selector 0x18). */
const IDT = (vectors: [number, string][]) => vectors.map(([v, label]) => `
  mov rax, ${label}
  mov [0x30000 + ${v}*16], ax
  mov word [0x30000 + ${v}*16 + 2], 0x18
  mov word [0x30000 + ${v}*16 + 4], 0x8e00
  shr rax, 16
  mov [0x30000 + ${v}*16 + 6], ax
  mov dword [0x30000 + ${v}*16 + 8], 0`).join('\n') + `
  lidt [idtr]
  jmp idt_done
idtr: dw 0xfff
  dq 0x30000
idt_done:`;

function runProgram(program: string, compile: boolean, hotRuns: number, opts: Options = {}): Final {
  const r = rig();
  enterLong(r);
  if (!opts.interrupts) r.cpu.flags &= ~0x200;
  r.cpu.compileBlocks = compile;
  r.cpu.hotRuns = hotRuns;
  load(r, 0x100000, asm(`bits 64\norg 0x100000\n${program}\nhlt\n`, 64));
  opts.setup?.(r);
  const slice = opts.slice ?? 10_000_000;
  let result = RunResult.Budget;
  // A wrong compiler can send the guest anywhere: stop after 20M instructions (then not Halted).
  for (let n = 0; result === RunResult.Budget && r.cpu.icount < 20_000_000; n++) {
    opts.between?.(r, n);
    result = r.cpu.run(slice);
    if (result === RunResult.Waiting) result = RunResult.Budget;
  }
  let memory = 0;
  for (let a = 0x200000; a < 0x210000; a++) memory = (Math.imul(memory, 31) + r.mem.ram[a]!) >>> 0;
  return { result, regs: Array.from(r.cpu.regs), rip: r.cpu.rip, icount: r.cpu.icount, flags: r.cpu.getFlags(), memory, log: r.io.writes.map((w) => w.join(':')).join(',') };
}

/** Runs the program interpreted, then compiled (at once and once hot), in one run and in the slices given. */
function expectSameAsInterpreter(program: string, opts: Options = {}, slices: number[] = [7, 1000]): Final {
  const reference = runProgram(program, false, 64, opts);
  expect(reference.result).toBe(RunResult.Halted);
  for (const hot of [1, 64]) {
    expect(runProgram(program, true, hot, opts), `hotRuns ${hot}`).toEqual(reference);
    for (const slice of slices) {
      expect(runProgram(program, true, hot, { ...opts, slice }), `hotRuns ${hot}, slices of ${slice}`).toEqual(runProgram(program, false, 64, { ...opts, slice }));
    }
  }
  return reference;
}

describe('compiled blocks against the interpreter', () => {
  it('a register/memory loop (registers in locals, flags of the last round only, translations hoisted)', () => {
    expectSameAsInterpreter(`
      mov rbx, 0x200000
      mov qword [rbx + 8], 12345
      mov ecx, 5000
      xor eax, eax
      mov rdx, 0x9e3779b97f4a7c15
    l:
      add rax, rcx
      xor rdx, rax
      shl rdx, 3
      mov [rbx], rax
      add rsi, [rbx + 8]
      sub rdi, rdx
      shr rax, 1
      or r8, rdi
      mov [rbx + rcx*8 + 16], r8d
      sub r9d, [rbx + rcx*8 + 16]
      lea r11, [rdx + rcx*8 - 0x7fff0000]
      lea r12d, [rax + rdi*2 + 5]
      lea r13, [rel l]
      add r14, r11
      xor r15, r12
      lea r11, [rbx + 0x1000]
      mov [r11 - 0x800], rdx
      add r15, [r11 - 0x800]
      dec rcx
      jnz l
      pushfq
      pop r10`);
  });

  it('calls, returns, pushes and pops, with the stack below and above 4 GiB and misaligned', () => {
    const body = (stack: string) => `
      mov rsp, ${stack}
      mov rbx, 0x200000
      mov qword [rbx], 7
      mov ecx, 2000
    l:
      push rcx
      push rbx
      call work
      pop rbx
      pop rcx
      dec rcx
      jnz l
      jmp done
    work:
      mov rax, [rbx]
      add rax, rcx
      mov [rbx + 8], rax
      cmp rax, 1500
      ret
    done:
      pushfq
      pop r11`;
    expectSameAsInterpreter(body('0x80000'));
    expectSameAsInterpreter(body('0x80003'));
    // 0xffff800000000000 + 0x80000: the same RAM through a higher-half mapping (PML4 entry 256).
    expectSameAsInterpreter(body('0xffff800000080000'), { setup: (r) => { r.mem.write32(0x10000 + 256 * 8, 0x11003); } });
  });

  it('jcc after add, sub, logic ops (of bytes too), inc/dec, shifts, reg,[mem] ops and cmp/test [mem], imm (bytes too), over boundary values (all 16 conditions)', () => {
    const conds = ['jo', 'jno', 'jb', 'jae', 'je', 'jne', 'jbe', 'ja', 'js', 'jns', 'jp', 'jnp', 'jl', 'jge', 'jle', 'jg'];
    const setters = ['add rdx, rbx', 'add edx, ebx', 'sub rdx, rbx', 'and rdx, rbx', 'or edx, ebx', 'inc rdx', 'dec edx', 'dec rdx', 'inc edx',
      'shl rdx, 1', 'shr rdx, 63', 'sar edx, 5', 'shl edx, 31', 'add rdx, [rsi + rdi*8]', 'sub edx, [rsi + rdi*8]', 'xor rdx, [rsi + rdi*8]',
      'imul rdx, rbx', 'imul edx, ebx', 'imul rdx, rbx, -3', 'imul edx, ebx, 0x7fff',
      'cmp byte [rsi + rdi*8], 1', 'cmp byte [rsi + rdi*8 + 3], 0x7f', 'cmp byte [rsi + rdi*8 + 7], 0x80', 'cmp dword [rsi + rdi*8 + 4], 0x7fffffff',
      'cmp dword [rsi + rdi*8], -1', 'cmp qword [rsi + rdi*8], -2', 'cmp qword [rsi + rdi*8], 0x7fffffff',
      'test byte [rsi + rdi*8 + 3], 0x81', 'test dword [rsi + rdi*8], 0x80000001', 'test qword [rsi + rdi*8], -8',
      'add dl, bl', 'sub dl, bl', 'cmp dl, bl', 'cmp dh, bh', 'and dh, bl', 'or dl, bh', 'xor dl, 0x80', 'add dh, 0x7f', 'sub dh, 1',
      'cmp al, 0x80', 'test dl, dl', 'test dh, 0x81', 'xor r8b, dl', 'add r8b, 0x81'];
    const body = setters.flatMap((op, s) => conds.map((cc, k) => `
      mov rdx, rax
      ${op}
      set${cc.slice(1)} r10b
      set${cc.slice(1)} dh
      cmov${cc.slice(1)} r11, rbx
      mov r12, rbx
      cmov${cc.slice(1)} r12d, edx
      add r14, r10
      add r14, r11
      add r14, rdx
      xor r14, r12
      ${cc} t${s}_${k}
      add r13, ${s * 16 + k + 1}
      rol r13, 5
    t${s}_${k}:`)).join('');
    expectSameAsInterpreter(`
      mov rsi, values
      mov ecx, 0
    outer:
      mov rax, [rsi + rcx*8]
      mov edi, 0
    inner:
      mov rbx, [rsi + rdi*8]
      ${body}
      inc edi
      cmp edi, 10
      jb inner
      inc ecx
      cmp ecx, 10
      jb outer
      jmp done
    align 8
    values: dq 0, 1, -1, 0x7fffffff, 0x80000000, 0x7fffffffffffffff, 0x8000000000000000, 0xffffffff, 2, 0x100000000
    done:`, {}, []);
  });

  it('loops whose first instruction reads the previous round\'s flags (inc/dec, adc, called functions)', () => {
    expectSameAsInterpreter(`
      mov ecx, 300
      mov rax, 0xfffffffffffffff0
      mov rbx, 0x200000
    l1:
      adc rdx, 0
      add rax, 3
      dec ecx
      jnz l1
      mov ecx, 300
    l2:
      inc r8
      setc r9b
      add r10, r9
      sub rax, 7
      dec ecx
      jnz l2
      mov ecx, 300
    l3:
      cmc
      adc r11, [rbx]
      mov [rbx], rcx
      loop l3`);
  });

  it('loops whose body stores the previous round\'s flags before setting any (carried in locals, stored only where read)', () => {
    // Each body starts with a load (its slow path stores the flags) and pushfq (a called
    // function that reads them) and ends with a different kind of flag setter before the jcc.
    const endings = [
      'dec ecx', 'add ecx, -1', 'sub ecx, 1', 'dec ecx\n      test ecx, ecx',
      'dec ecx\n      mov r11d, ecx\n      shl r11d, 3', 'dec rcx\n      mov r11, rcx\n      shr r11, 1',
    ];
    const loops = endings.map((ending, k) => `
      mov ecx, 301
    c${k}:
      mov rax, [rbx + rcx*8]
      pushfq
      pop rdx
      add r8, rdx
      mov [rbx + rcx*8 + 8], rax
      add rax, rcx
      ${ending}
      jnz c${k}`).join('');
    expectSameAsInterpreter(`
      mov rbx, 0x200000
      xor r8, r8${loops}`);
  });

  it('a page fault in the middle of a compiled loop is taken at its instruction, with the flags of that moment', () => {
    const program = `
      ${IDT([[14, 'pf']])}
      mov rsi, 0x1000000 - 0x100 * 8
      mov ecx, 0
    l:
      cmp rcx, 77
      mov [rsi], rcx
      add rsi, 8
      inc ecx
      jmp l
    pf:
      mov r8, cr2
      mov r9, [rsp + 8]
      mov r10, [rsp + 24]
      hlt`;
    const f = expectSameAsInterpreter(program, { setup: (r) => r.mem.write32(0x12000 + 8 * 8, 0) });
    expect(f.regs[16]).toBe(0x1000000);      // CR2: the first unmapped address
    expect(f.regs[2]).toBe(0x100);           // the store of round 256 faulted
    expect(f.regs[20] & 0x8d5).toBe(0x010);  // the pushed flags are cmp rcx, 77's (256 - 77 = 0xb3: AF only)
    // An address whose low half carries into the high half: base + disp crosses 4 GiB (unmapped;
    // the TLB holds page 0, where a lost carry would land).
    const g = expectSameAsInterpreter(program.replace('mov rsi, 0x1000000 - 0x100 * 8', 'mov esi, 0xffffe000')
      .replace('mov [rsi], rcx', 'mov [rsi + 0x1800], rcx').replace('mov ecx, 0', 'mov ecx, 0\n      mov rax, [0x800]'));
    expect(g.regs[16]).toBe(0);              // CR2 low half: 0x100000000
    expect(g.regs[17]).toBe(1);
  });

  it('interrupts raised between slices and by an out inside a loop are taken at the same instructions', () => {
    const program = `
      ${IDT([[0x20, 'irq']])}
      mov rsp, 0x80000
      mov rbx, 0x200000
      xor r12, r12
      mov ecx, 20000
      sti
    l:
      add rax, rcx
      mov [rbx + 8], rax
      inc rdx
      test edx, 1023
      jnz skip
      out 0x80, al
    skip:
      dec rcx
      jnz l
      cli
      jmp done
    irq:
      mov [rbx + r12*8 + 64], rcx
      inc r12
      iretq
    done:`;
    const opts: Options = {
      interrupts: true,
      between: (r, n) => { if (n % 5 === 4) r.pic.pending.push(0x20); },
      setup: (r) => { r.io.onOut = () => { r.pic.pending.push(0x20); }; },
    };
    const f = expectSameAsInterpreter(program, opts, [97, 1001]);
    expect(f.regs[24]).toBeGreaterThan(0);   // r12: interrupts were taken
  });

  it('a loop that rewrites an instruction of its own block runs the new bytes', () => {
    expectSameAsInterpreter(`
      mov rdi, patch + 2
      mov ecx, 100
    l:
      mov [rdi], ecx
    patch:
      add ebx, 0x11111111
      add rax, rbx
      dec ecx
      jnz l`);
  });

  it('a trace through a call into another page: the callee returning elsewhere, rewritten, interrupted', () => {
    const program = `
      ${IDT([[0x20, 'irq']])}
      mov rbx, 0x200000
      mov rdi, imm + 2
      mov ecx, 3000
      sti
    l:
      push rcx
      call far_fn
      pop rcx
      jmp cont
      pop rcx                 ; where far_fn returns when rcx is 1100
      add r9, 1
    cont:
      test ecx, 255
      jnz same
      mov [rdi], ecx          ; a new immediate for far_fn's add (another page)
    same:
      dec rcx
      jnz l
      cli
      jmp done
    irq:
      add r12, 1
      mov [rbx + r12*8 + 64], rcx
      iretq
    done:
      hlt
      times 0x1000 - ($ - $$) nop
    far_fn:
      mov rax, [rbx]
    imm:
      add rax, 0x12345678
      mov [rbx], rax
      xor edx, edx
      cmp rcx, 1100
      sete dl
      lea rdx, [rdx*3]
      add [rsp], rdx
      ret`;
    const opts: Options = { interrupts: true, between: (r, n) => { if (n % 3 === 2) r.pic.pending.push(0x20); } };
    const f = expectSameAsInterpreter(program, opts, [101, 997]);
    expect(f.regs[18]).toBe(1);               // r9: the one different return
    const once = runProgram(program, true, 64, { ...opts, slice: 997 });
    expect(once.regs[24]).toBeGreaterThan(0); // r12: interrupts were taken
  });

  it('byte loads and stores (movzx, mov byte from registers incl. ah, immediates, cmp/test [mem], imm; RAM, the VGA window, a code page)', () => {
    expectSameAsInterpreter(`
      mov rbx, 0x200000
      mov rdi, 0xb8000
      mov ecx, 3000
      mov eax, 0x1234
    l:
      movzx edx, byte [rbx + rcx]
      add eax, edx
      mov [rbx + rcx + 1], al
      mov [rbx + rcx + 2], ah
      mov byte [rbx + rcx + 3], 0x5a
      movzx r8, byte [rbx + rcx + 4]
      imul r9, r8, 77
      add r10, r9
      mov [rdi + rcx], dl
      movzx r11d, byte [rdi + rcx]
      add r12, r11
      cmp byte [rdi + rcx], 0x5a
      adc r13, 0
      cmp byte [rbx + rcx + 2], 0x12
      setl r14b
      add r15, r14
      test qword [rbx + rcx], 0x8080
      setnz r14b
      add r15, r14
      dec ecx
      jnz l
      mov byte [patch + 1], 0x05
    patch:
      mov al, 0x07
      mov [rbx], al`);
  });

  it('effective addresses whose halves carry: base + index*scale + disp across the low half, negative parts, every scale', () => {
    // Each operand lands in 0x200000.. through a sum whose low 32 bits wrap (or borrow) into
    // the high half (a wrong high half would only send the access to the called function:
    // jit/memory.test.ts checks the arithmetic itself against computeOffset).
    expectSameAsInterpreter(`
      mov rbx, 0xfff00000
      mov rsi, -0x1ffa0000
      mov r8, 0xffffffff00200000
      mov r9, 0x80000000
      mov r10, 0x40000000
      mov r11, 0x20000000
      mov r12, 0x100200000
      mov r13, -0x100000000
      mov ecx, 500
    l:
      mov rax, [rbx + rsi*8]
      add rax, rcx
      mov [rbx + rsi*8 + 8], rax
      add eax, [r8 + r9*2 + 16]
      mov [r8 + r9*2 + 16], eax
      mov [r8 + r10*4 + 24], rax
      xor rax, [r8 + r11*8 + 24]
      mov [r12 + r13 + 32], rax
      movzx edx, byte [r12 + r13*1 + 33]
      mov [r8 + r9*2 + 0x7fffffff - 0x7fffffd0], dl
      mov byte [rbx + rsi*8 - 0x10 + 0x50], 0x99
      cmp rdx, [rbx + rsi*8 + 0x28]
      adc rdi, rdx
      sub rsi, -1
      add rbx, -8
      dec ecx
      jnz l`);
  });

  it('a trace that follows a jcc the way it went and leaves when it goes the other way (insertion sort)', () => {
    const f = expectSameAsInterpreter(`
      mov rbx, 0x200000
      mov ecx, 600
      mov rax, 0x9e3779b97f4a7c15
    fill:
      imul rax, rax, 0x2545f491
      add rax, rcx
      mov [rbx + rcx*8], rax
      dec ecx
      jnz fill
      mov ecx, 1
    outer:
      mov rdx, [rbx + rcx*8]
      mov rsi, rcx
    inner:
      mov rdi, [rbx + rsi*8 - 8]
      cmp rdi, rdx
      jbe place
      mov [rbx + rsi*8], rdi
      dec rsi
      jnz inner
    place:
      mov [rbx + rsi*8], rdx
      inc ecx
      cmp ecx, 601
      jb outer
      mov r8, [rbx + 8]
      mov r9, [rbx + 600*8]`, {}, [13, 1000]);
    const u64 = (lo: number, hi: number) => (BigInt(hi >>> 0) << 32n) | BigInt(lo >>> 0);
    expect(u64(f.regs[16]!, f.regs[17]!) <= u64(f.regs[18]!, f.regs[19]!)).toBe(true);   // sorted: first <= last
  });
});
