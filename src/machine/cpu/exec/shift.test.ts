// Shifts and rotates at 8/16/32/64 bits and counts 0, 1, n, width-1, >= width, against a
// BigInt model of the defined results and flags (CF; OF for count 1; SF/ZF/PF for shifts).
import { describe, expect, it, vi } from 'vitest';

vi.setConfig({ testTimeout: 60_000 });
import { reg, run64 } from '../test-support.ts';

const CF = 1n, PF = 4n, ZF = 0x40n, SF = 0x80n, OF = 0x800n;
const REGS: Record<number, string> = { 1: 'al', 2: 'ax', 4: 'eax', 8: 'rax' };

function parity(v: bigint): boolean {
  let p = true;
  for (let b = v & 0xffn; b; b >>= 1n) if (b & 1n) p = !p;
  return p;
}

/** Returns result and the mask/values of defined flags, or null when nothing changes. */
function model(op: string, size: number, a: bigint, count: number, cfIn: bigint): { r: bigint; mask: bigint; f: bigint } | null {
  const w = size * 8, W = BigInt(w), mask = (1n << W) - 1n, sign = 1n << (W - 1n);
  let n = count & (size === 8 ? 63 : 31);
  if (n === 0) return null;
  const N = BigInt(n);
  const szp = (x: bigint) => ((x & sign) ? SF : 0n) | (x === 0n ? ZF : 0n) | (parity(x) ? PF : 0n);
  let r: bigint, cf: bigint, of = 0n;
  const shiftFlags = SF | ZF | PF | CF | (n === 1 ? OF : 0n);
  switch (op) {
    case 'shl': {
      if (n > w) return { r: 0n, mask: SF | ZF | PF, f: ZF | PF };
      r = (a << N) & mask; cf = (a >> (W - N)) & 1n; of = ((r & sign) ? 1n : 0n) ^ cf;
      return { r, mask: shiftFlags, f: szp(r) | (cf ? CF : 0n) | (of ? OF : 0n) };
    }
    case 'shr': {
      if (n > w) return { r: 0n, mask: SF | ZF | PF, f: ZF | PF };
      r = a >> N; cf = (a >> (N - 1n)) & 1n; of = (a & sign) ? 1n : 0n;
      return { r, mask: shiftFlags, f: szp(r) | (cf ? CF : 0n) | (of ? OF : 0n) };
    }
    case 'sar': {
      const s = a & sign ? a - (1n << W) : a;
      r = (s >> N) & mask; cf = (s >> (N - 1n < W ? N - 1n : W - 1n)) & 1n;
      return { r, mask: shiftFlags, f: szp(r) | (cf ? CF : 0n) };
    }
    case 'rol': {
      const k = BigInt(n % w);
      r = ((a << k) | (a >> (W - k))) & mask; cf = r & 1n; of = ((r & sign) ? 1n : 0n) ^ cf;
      return { r, mask: CF | (n === 1 ? OF : 0n), f: (cf ? CF : 0n) | (of ? OF : 0n) };
    }
    case 'ror': {
      const k = BigInt(n % w);
      r = ((a >> k) | (a << (W - k))) & mask; cf = (r & sign) ? 1n : 0n; of = cf ^ ((r >> (W - 2n)) & 1n);
      return { r, mask: CF | (n === 1 ? OF : 0n), f: (cf ? CF : 0n) | (of ? OF : 0n) };
    }
    case 'rcl': case 'rcr': {
      if (size === 1) n %= 9; else if (size === 2) n %= 17;
      let v = a, c = cfIn;
      for (let k = 0; k < n; k++) {
        if (op === 'rcl') { const out = (v & sign) ? 1n : 0n; v = ((v << 1n) | c) & mask; c = out; }
        else { const out = v & 1n; v = (v >> 1n) | (c << (W - 1n)); c = out; }
      }
      return { r: v, mask: CF, f: c ? CF : 0n };
    }
  }
  throw new Error(op);
}

describe('shifts and rotates', () => {
  const counts = [0, 1, 2, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63];
  for (const op of ['shl', 'shr', 'sar', 'rol', 'ror', 'rcl', 'rcr']) {
    for (const size of [1, 2, 4, 8]) {
      it(`${op} ${size * 8}-bit`, () => {
        const mask = (1n << BigInt(size * 8)) - 1n;
        const vals = [1n, 0x81n, 0x8001n, 0x80000001n, 0x8000000000000001n, 0x123456789abcdef0n, mask].map((v) => v & mask);
        const cases: [bigint, number, bigint][] = [];
        for (const a of vals) for (const n of counts) for (const cin of [0n, 1n]) cases.push([a, n, cin]);
        const lines: string[] = [];
        cases.forEach(([a, n, cin], k) => lines.push(
          `mov rax, ${a}`, `mov ecx, ${n}`, 'xor edx, edx', cin ? 'stc' : 'clc', 'pushfq', 'pop rdx', 'push rdx', 'popfq',
          `${op} ${REGS[size]}, cl`, 'pushfq', 'pop rbx', `mov [0x200000 + ${24 * k}], rax`, `mov [0x200008 + ${24 * k}], rbx`, `mov [0x200010 + ${24 * k}], rdx`));
        const r = run64(lines.join('\n'));
        const dv = new DataView(r.mem.ram.buffer);
        cases.forEach(([a, n, cin], k) => {
          const got = dv.getBigUint64(0x200000 + 24 * k, true) & mask;
          const flags = dv.getBigUint64(0x200008 + 24 * k, true);
          const before = dv.getBigUint64(0x200010 + 24 * k, true);
          const m = model(op, size, a, n, cin);
          if (!m) { expect({ a, n, r: got, f: flags }).toEqual({ a, n, r: a, f: before }); return; }
          expect({ a, n, cin, r: got, f: flags & m.mask }).toEqual({ a, n, cin, r: m.r, f: m.f & m.mask });
        });
      });
    }
  }
  it('shld/shrd 16/32/64-bit', () => {
    const r = run64([
      'mov eax, 0x12345678', 'mov ebx, 0x9abcdef0', 'shld eax, ebx, 8', 'mov r8, rax',
      'mov eax, 0x12345678', 'shrd eax, ebx, 8', 'mov r9, rax',
      'mov rax, 0x0123456789abcdef', 'mov rbx, 0xfedcba9876543210', 'mov cl, 12', 'shld rax, rbx, cl', 'setc r10b', 'mov r11, rax',
      'mov rax, 0x0123456789abcdef', 'shrd rax, rbx, cl', 'mov r12, rax',
      'mov ax, 0x1234', 'mov bx, 0x5678', 'shld ax, bx, 4', 'mov r13, rax',
    ].join('\n'));
    expect(reg(r, 8)).toBe(0x3456789an);
    expect(reg(r, 9)).toBe(0xf0123456n);
    expect(reg(r, 11)).toBe(0x3456789abcdeffedn);
    expect(reg(r, 10) & 0xffn).toBe(0n);
    expect(reg(r, 12)).toBe(0x2100123456789abcn);
    expect(reg(r, 13) & 0xffffn).toBe(0x2345n);
  });
});
