// Bit tests and scans, popcnt, bswap, setcc/cmovcc, movzx/movsx, lea, string instructions.
import { describe, expect, it } from 'vitest';
import { reg, run16, run32, run64 } from '../test-support.ts';

describe('bit instructions', () => {
  it('bt/bts/btr/btc on registers and memory with register offsets beyond the operand', () => {
    const r = run64([
      'mov rax, 0x8000000000000001', 'bt rax, 63', 'setc bl', 'btr rax, 0', 'setc bh', 'bts rax, 35', 'btc rax, 63',
      'mov qword [0x200000], 0', 'mov qword [0x200008], 0', 'mov rcx, 100', 'bts qword [0x200000], rcx',
      'mov rdx, [0x200008]', 'mov rcx, -1', 'mov byte [0x1fffff], 0x80', 'bt dword [0x200000], ecx', 'setc sil',
    ].join('\n'));
    expect(reg(r, 0)).toBe(0x800000000n);
    expect(reg(r, 3) & 0xffffn).toBe(0x0101n);
    expect(reg(r, 2)).toBe(1n << 36n);
    expect(reg(r, 6) & 0xffn).toBe(1n);
  });
  it('bsf/bsr leave the destination on zero; tzcnt/lzcnt give the width', () => {
    const r = run64([
      'mov rax, 0x0000100000000000', 'bsf rbx, rax', 'bsr rcx, rax', 'mov rdx, 77', 'xor esi, esi', 'bsf rdx, rsi', 'setz r8b',
      'tzcnt r9, rsi', 'setc r10b', 'lzcnt r11d, eax', 'tzcnt r12w, ax', 'popcnt r13, rax', 'mov r14, -1', 'popcnt r14, r14',
    ].join('\n'));
    expect(reg(r, 3)).toBe(44n);
    expect(reg(r, 1)).toBe(44n);
    expect(reg(r, 2)).toBe(77n);
    expect(reg(r, 8) & 0xffn).toBe(1n);
    expect(reg(r, 9)).toBe(64n);
    expect(reg(r, 10) & 0xffn).toBe(1n);
    expect(reg(r, 11)).toBe(32n);
    expect(reg(r, 12) & 0xffffn).toBe(16n);
    expect(reg(r, 13)).toBe(1n);
    expect(reg(r, 14)).toBe(64n);
  });
  it('bswap 32 and 64', () => {
    const r = run64('mov rax, 0x0102030405060708\nbswap rax\nmov ebx, 0x11223344\nbswap ebx');
    expect(reg(r, 0)).toBe(0x0807060504030201n);
    expect(reg(r, 3)).toBe(0x44332211n);
  });
});

describe('moves', () => {
  it('setcc and cmovcc (a 32-bit cmov zero-extends even when not taken)', () => {
    const r = run64(['mov rbx, -1', 'mov rcx, 5', 'cmp rcx, 6', 'cmovl rdx, rcx', 'setl al', 'setg ah', 'cmovg ebx, ecx'].join('\n'));
    expect(reg(r, 2)).toBe(5n);
    expect(reg(r, 0) & 0xffffn).toBe(0x0001n);
    expect(reg(r, 3)).toBe(0xffffffffn);
  });
  it('movzx/movsx/movsxd, lea with RIP-relative and scaled index', () => {
    const r = run64(['mov eax, 0x80ff', 'movzx ebx, al', 'movsx rcx, al', 'movsx edx, ax', 'mov esi, 0x80000000', 'movsxd rdi, esi',
      'lea r8, [rel here]', 'here: mov r9, 3', 'lea r10, [r9*8 + r9 + 10]', 'lea r11d, [rsi + rsi]'].join('\n'));
    expect(reg(r, 3)).toBe(0xffn);
    expect(reg(r, 1)).toBe(0xffffffffffffffffn);
    expect(reg(r, 2)).toBe(0xffff80ffn);
    expect(reg(r, 7)).toBe(0xffffffff80000000n);
    expect(reg(r, 8) > 0x100000n && reg(r, 8) < 0x100100n).toBe(true);
    expect(reg(r, 10)).toBe(37n);
    expect(reg(r, 11)).toBe(0n);
  });
  it('push/pop in 64-bit mode, enter/leave, pushf/popf', () => {
    const r = run64(['mov rbp, 0x1234', 'mov rsi, rsp', 'enter 32, 0', 'mov rdi, rsp', 'leave', 'push word 0x55', 'pop bx', 'pushfq', 'pop rax', 'cmp rsi, rsp', 'sete cl'].join('\n'));
    expect(reg(r, 6) - reg(r, 7)).toBe(40n);
    expect(reg(r, 5)).toBe(0x1234n);
    expect(reg(r, 3) & 0xffffn).toBe(0x55n);
    expect(reg(r, 1) & 0xffn).toBe(1n);
  });
});

describe('string instructions', () => {
  it('rep movsb forwards and rep movsq backwards, rep stosd, 64-bit', () => {
    const r = run64([
      'mov rdi, 0x200000', 'mov ecx, 16', 'mov eax, 0x61626364', 'rep stosd',
      'mov rsi, 0x200000', 'mov rdi, 0x201000', 'mov ecx, 64', 'rep movsb',
      'std', 'mov rsi, 0x200038', 'mov rdi, 0x202038', 'mov ecx, 8', 'rep movsq', 'cld', 'mov r8, rsi', 'mov r9, rdi',
    ].join('\n'));
    const ram = r.mem.ram;
    expect(Buffer.from(ram.subarray(0x201000, 0x201008)).toString('latin1')).toBe('dcbadcba');
    expect(ram[0x20103f]).toBe(0x61);
    expect(Buffer.from(ram.subarray(0x202000, 0x202040)).equals(Buffer.from(ram.subarray(0x200000, 0x200040)))).toBe(true);
    expect(reg(r, 8)).toBe(0x200000n - 8n);
    expect(reg(r, 9)).toBe(0x202000n - 8n);
    expect(reg(r, 1)).toBe(0n);
  });
  it('a rep longer than one chunk is re-executed until done before the block goes on', () => {
    const r = run64([
      'mov rdi, 0x200000', 'mov ecx, 10000', 'mov al, 0x5a', 'rep stosb', 'mov r8, rdi',
      'mov rsi, 0x200000', 'mov rdi, 0x300000', 'mov ecx, 10000', 'rep movsb', 'mov r9, rcx', 'mov r10, rdi',
    ].join('\n'));
    expect(r.mem.ram.subarray(0x300000, 0x300000 + 10000).every((b) => b === 0x5a)).toBe(true);
    expect(r.mem.ram[0x300000 + 10000]).toBe(0);
    expect(reg(r, 8)).toBe(0x200000n + 10000n);
    expect(reg(r, 9)).toBe(0n);
    expect(reg(r, 10)).toBe(0x300000n + 10000n);
  });
  it('repne scasb finds a byte; repe cmpsb stops at the first difference', () => {
    const r = run64([
      'mov rdi, 0x200000', 'mov dword [rdi], 0x00636261', 'xor eax, eax', 'mov rcx, -1', 'repne scasb', 'not rcx', 'dec rcx', 'mov r8, rcx',
      'mov dword [0x201000], 0x64636261', 'mov dword [0x202000], 0x65636261', 'mov rsi, 0x201000', 'mov rdi, 0x202000', 'mov ecx, 4',
      'repe cmpsb', 'mov r9, rcx', 'setb r10b',
    ].join('\n'));
    expect(reg(r, 8)).toBe(3n);
    expect(reg(r, 9)).toBe(0n);
    expect(reg(r, 10) & 0xffn).toBe(1n);
  });
  it('16-bit real mode: rep movsw with DS/ES segments, lodsb, 32-bit addressing', () => {
    const r = run16([
      'mov ax, 0x2000', 'mov ds, ax', 'mov ax, 0x3000', 'mov es, ax', 'mov word [0], 0x1234', 'mov word [2], 0x5678',
      'xor si, si', 'xor di, di', 'mov cx, 2', 'rep movsw', 'mov bx, [es:2]', 'xor si, si', 'lodsb', 'mov dl, al',
      'mov dword [es:0x10], 0xcafe', 'mov edi, 0x10', 'mov ecx, [es:edi]',
    ].join('\n'));
    expect(reg(r, 3) & 0xffffn).toBe(0x5678n);
    expect(reg(r, 2) & 0xffn).toBe(0x34n);
    expect(reg(r, 1)).toBe(0xcafen);
    expect(r.mem.ram[0x30000]).toBe(0x34);
  });
  it('32-bit: rep stosb with address size 32 and pusha/popa', () => {
    const r = run32(['mov edi, 0x300000', 'mov al, 7', 'mov ecx, 10', 'rep stosb', 'mov eax, 1', 'mov ebx, 2', 'pushad', 'xor eax, eax', 'xor ebx, ebx', 'popad'].join('\n'));
    expect(r.mem.ram[0x300009]).toBe(7);
    expect(r.mem.ram[0x30000a]).toBe(0);
    expect(reg(r, 0)).toBe(1n);
    expect(reg(r, 3)).toBe(2n);
  });
});

describe('cpuid', () => {
  it('reports long mode, NX, the brand string', () => {
    const r = run64(['mov eax, 0x80000001', 'cpuid', 'mov r8, rdx', 'mov eax, 0x80000002', 'cpuid', 'mov [0x200000], eax', 'mov [0x200004], ebx',
      'mov [0x200008], ecx', 'mov [0x20000c], edx', 'mov eax, 0x80000003', 'cpuid', 'mov [0x200010], eax', 'mov [0x200014], ebx', 'mov eax, 1', 'cpuid', 'mov r9, rdx', 'mov r10, rcx'].join('\n'));
    expect(reg(r, 8) & (1n << 29n)).not.toBe(0n);
    expect(reg(r, 8) & (1n << 20n)).not.toBe(0n);
    expect(Buffer.from(r.mem.ram.subarray(0x200000, 0x200013)).toString('latin1')).toBe('Bootlab virtual CPU');
    expect(reg(r, 9) & (1n << 6n)).not.toBe(0n);   // PAE
    expect(reg(r, 9) & (1n << 26n)).not.toBe(0n);  // SSE2: long mode requires it (bootloaders check)
    expect(reg(r, 9) & (1n << 23n)).toBe(0n);      // no MMX
    expect(reg(r, 10) & (1n << 23n)).not.toBe(0n); // POPCNT
  });
});
