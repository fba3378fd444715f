// The emulator's decoder agrees with the disassembler's (src/x86/decode.ts) on instruction
// length and form for random byte strings in every mode, and produces records without
// allocating per call.
import { describe, expect, it } from 'vitest';
import { decode } from '../../x86/decode.ts';
import { decodeInto, Insn, K } from './decoder.ts';

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; return s >>> 24; };
}

/** Spellings that differ only in the size suffix the disassembler prints. */
function norm(m: string): string {
  if (m === 'fwait') return 'nop';
  return /^(iret|pushf|popf|pusha|popa)[wdq]$/.test(m) ? m.slice(0, -1) : m;
}

/** A REX prefix followed by another prefix (which processors ignore) in 64-bit code. */
function strayRex(bytes: Uint8Array, bits: number): boolean {
  if (bits !== 64) return false;
  let rex = false;
  for (const b of bytes) {
    const legacy = [0x66, 0x67, 0xf0, 0xf2, 0xf3, 0x26, 0x2e, 0x36, 0x3e, 0x64, 0x65].includes(b);
    if ((b & 0xf0) === 0x40 || legacy) { if (rex) return true; rex = (b & 0xf0) === 0x40; continue; }
    return false;
  }
  return false;
}

/** Decoded as the table instruction an instruction outside the table aliases (decoder.ts). */
function aliased(insn: Insn): boolean {
  return (insn.form.mnemonic === 'nop' && insn.mem !== undefined && insn.modrm >= 0) || insn.form.mnemonic === 'mov';
}

describe('decoder', () => {
  for (const bits of [16, 32, 64] as const) {
    it(`matches the disassembler on length and mnemonic, ${bits}-bit`, () => {
      const next = lcg(bits);
      const insn = new Insn();
      let compared = 0;
      for (let n = 0; n < 20000; n++) {
        const bytes = new Uint8Array(16);
        for (let k = 0; k < 16; k++) bytes[k] = next();
        const d = decode(bytes, 0, { bits });
        const ok = decodeInto((k) => bytes[k], bits, insn);
        const hex = Buffer.from(bytes).toString('hex');
        if (d.invalid || d.unsupported) {
          // Known, deliberate differences: a REX before another prefix is ignored (as processors
          // do) rather than invalid; fwait is a no-op instead of a prefix of x87 instructions;
          // fences, prefetches, clflush and movnti (outside the table) run as nop r/m and mov.
          if (ok) expect({ hex, why: strayRex(bytes, bits) || bytes.includes(0x9b) || aliased(insn) }).toEqual({ hex, why: true });
          continue;
        }
        expect({ hex, ok }).toEqual({ hex, ok: true });
        // 66 90 is printed `xchg ax, ax`; it is the 16-bit nop.
        const mine = insn.form.mnemonic === 'nop' && d.mnemonic === 'xchg' ? 'xchg' : norm(insn.form.mnemonic);
        expect({ hex, m: mine, len: insn.len }).toEqual({ hex, m: norm(d.mnemonic), len: d.length });
        compared++;
      }
      expect(compared).toBeGreaterThan(10000);
    }, 60_000);
  }

  it('fills operands: registers with REX, SIB memory, immediates extended to the operand size', () => {
    const i = new Insn();
    // 49 81 44 d8 10 f0 ff ff ff : add qword [r8 + rbx*8 + 0x10], -16
    decodeInto((k) => [0x49, 0x81, 0x44, 0xd8, 0x10, 0xf0, 0xff, 0xff, 0xff][k], 64, i);
    expect([i.form.mnemonic, i.osize, i.mem, i.base, i.index, i.scale, i.disp, i.imm, i.immHi, i.op0, i.op1, i.len])
      .toEqual(['add', 8, true, 8, 3, 3, 0x10, -16, -1, K.Rm, K.Imm, 9]);
    // 40 88 f7 : mov dil, sil ; 88 f7 : mov bh, dh
    decodeInto((k) => [0x40, 0x88, 0xf7][k], 64, i);
    expect([i.rm, i.reg]).toEqual([7, 6]);
    decodeInto((k) => [0x88, 0xf7][k], 64, i);
    expect([i.rm, i.reg]).toEqual([19, 18]);
  });
});
