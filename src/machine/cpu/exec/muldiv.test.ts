// mul/imul/div/idiv in all sizes against BigInt, including 128-bit products and quotients,
// and #DE on division by zero and quotient overflow.
import { describe, expect, it, vi } from 'vitest';

vi.setConfig({ testTimeout: 60_000 });
import { reg, rig, enterLong, load, asm } from '../test-support.ts';
import { RunResult } from '../cpu.ts';

const SIZES: [number, string, string, string][] = [[1, 'al', 'bl', 'ah'], [2, 'ax', 'bx', 'dx'], [4, 'eax', 'ebx', 'edx'], [8, 'rax', 'rbx', 'rdx']];

function runWithDE(source: string) {
  // A #DE handler that records the vector in r15 and skips to the end.
  const r = rig();
  enterLong(r);
  r.cpu.flags &= ~0x200;
  const code = asm(`bits 64\norg 0x100000\n` +
    `mov rax, de_handler\nmov [0x30000], ax\nmov word [0x30002], 0x18\nmov word [0x30004], 0x8e00\nshr rax, 16\nmov [0x30006], ax\nmov dword [0x30008], 0\n` +
    `lidt [idtr]\nxor r15d, r15d\n${source}\nfinish: hlt\nde_handler: mov r15, 0xde\nmov rax, finish\nmov [rsp], rax\niretq\n` +
    `idtr: dw 255\ndq 0x30000\n`, 64);
  load(r, 0x100000, code);
  expect(r.cpu.run(1_000_000)).toBe(RunResult.Halted);
  return r;
}

const sx = (v: bigint, bits: number) => BigInt.asIntN(bits, v);
const ux = (v: bigint, bits: number) => BigInt.asUintN(bits, v);

describe('mul / imul', () => {
  const vals = [0n, 1n, 2n, 3n, 0x7fn, 0x80n, 0xffn, 0x7fffn, 0x8000n, 0xffffn, 0x7fffffffn, 0x80000000n, 0xffffffffn,
    0x7fffffffffffffffn, 0x8000000000000000n, 0xffffffffffffffffn, 0x123456789abcdef1n];
  for (const [size, a, b, hi] of SIZES) {
    const bits = size * 8;
    it(`mul and one-operand imul, ${bits}-bit`, () => {
      for (const op of ['mul', 'imul']) {
        const cases: [bigint, bigint][] = [];
        for (const x of vals) for (const y of vals.slice(0, 12)) cases.push([ux(x, bits), ux(y, bits)]);
        const lines = cases.map(([x, y], k) => `mov rax, ${x}\nmov rbx, ${y}\nmov rdx, 0\n${op} ${b}\npushfq\npop rcx\nmov [0x200000+${32 * k}], rax\nmov [0x200008+${32 * k}], rdx\nmov [0x200010+${32 * k}], rcx`);
        const r = runWithDE(lines.join('\n'));
        const dv = new DataView(r.mem.ram.buffer);
        cases.forEach(([x, y], k) => {
          const p = op === 'mul' ? x * y : sx(x, bits) * sx(y, bits);
          const lo = ux(p, bits), high = ux(p >> BigInt(bits), bits);
          const rax = dv.getBigUint64(0x200000 + 32 * k, true), rdx = dv.getBigUint64(0x200008 + 32 * k, true);
          const f = dv.getBigUint64(0x200010 + 32 * k, true);
          const gotLo = size === 1 ? rax & 0xffn : ux(rax, bits);
          const gotHi = size === 1 ? (rax >> 8n) & 0xffn : ux(rdx, bits);
          const overflow = op === 'mul' ? high !== 0n : p !== sx(lo, bits);
          expect({ op, x, y, lo: gotLo, hi: gotHi, cf: f & 1n, of: (f >> 11n) & 1n }).toEqual({ op, x, y, lo, hi: high, cf: overflow ? 1n : 0n, of: overflow ? 1n : 0n });
        });
        void a; void hi;
      }
    });
  }
  it('two- and three-operand imul truncate and flag overflow', () => {
    const r = run(['mov rax, 0x100000000', 'imul rax, rax', 'setc bl', 'mov rcx, -3', 'imul rcx, rcx, 7', 'setc bh',
      'mov edx, 0x10000', 'imul edx, edx, 0x10000', 'seto sil', 'mov r8w, -2', 'imul r8w, r8w, 100']);
    expect(reg(r, 0)).toBe(0n);
    expect(reg(r, 3) & 0xffffn).toBe(0x0001n);
    expect(reg(r, 1)).toBe(ux(-21n, 64));
    expect(reg(r, 2)).toBe(0n);
    expect(reg(r, 6) & 0xffn).toBe(1n);
    expect(reg(r, 8) & 0xffffn).toBe(ux(-200n, 16));
  });
});

function run(lines: string[]) { return runWithDE(lines.join('\n')); }

describe('div / idiv', () => {
  it('64-bit div of a 128-bit dividend and idiv with negative operands', () => {
    const r = run(['mov rdx, 5', 'mov rax, 0x123456789abcdef0', 'mov rbx, 0x10000000000', 'div rbx', 'mov r8, rax', 'mov r9, rdx',
      'mov rax, -100', 'cqo', 'mov rbx, 7', 'idiv rbx', 'mov r10, rax', 'mov r11, rdx']);
    const n = (5n << 64n) | 0x123456789abcdef0n, d = 0x10000000000n;
    expect(reg(r, 8)).toBe(n / d);
    expect(reg(r, 9)).toBe(n % d);
    expect(reg(r, 10)).toBe(ux(-14n, 64));
    expect(reg(r, 11)).toBe(ux(-2n, 64));
    expect(reg(r, 15)).toBe(0n);
  });
  it('32/16/8-bit div and idiv', () => {
    const r = run(['mov edx, 0x12345', 'mov eax, 0x6789abcd', 'mov ebx, 0x2345678', 'div ebx', 'mov r8, rax', 'mov r9, rdx',
      'mov ax, -1000', 'cwd', 'mov bx, 33', 'idiv bx', 'mov r10, rax', 'mov r11, rdx',
      'mov ax, 1000', 'mov bl, 7', 'div bl', 'mov r12, rax']);
    const n = (0x12345n << 32n) | 0x6789abcdn;
    expect(reg(r, 8)).toBe(n / 0x2345678n);
    expect(reg(r, 9)).toBe(n % 0x2345678n);
    expect(reg(r, 10) & 0xffffn).toBe(ux(-30n, 16));
    expect(reg(r, 11) & 0xffffn).toBe(ux(-10n, 16));
    expect(reg(r, 12) & 0xffffn).toBe((6n << 8n) | 142n);
  });
  it('#DE on division by zero and on quotient overflow', () => {
    expect(reg(run(['xor ebx, ebx', 'div ebx']), 15)).toBe(0xden);
    expect(reg(run(['mov edx, 1', 'mov ebx, 1', 'div ebx']), 15)).toBe(0xden);
    expect(reg(run(['mov rax, 0x8000000000000000', 'cqo', 'mov rbx, -1', 'idiv rbx']), 15)).toBe(0xden);
    expect(reg(run(['mov ax, 0x8000', 'cwd', 'mov bx, -1', 'idiv bx']), 15)).toBe(0xden);
  });
});
