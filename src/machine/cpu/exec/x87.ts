// The x87 FPU and the SSE state instructions, enough for the programs that detect the FPU,
// initialise it and compute with it: the register stack held as JS doubles (64-bit precision,
// not 80: results agree with QEMU's wherever they fit a double, which covers integer and
// ordinary decimal work), the control, status and tag words, loads and stores of 16/32/64-bit
// integers and 32/64/80-bit reals, the four operations in all their forms, fchs/fabs/fsqrt/
// frndint/fscale-free constants, compares setting C0/C2/C3 (and EFLAGS for fcomi/fucomi),
// fxch/ffree/fincstp/fdecstp, fnstsw/fnstcw/fldcw/fninit/fnclex; and fxsave/fxrstor/ldmxcsr/
// stmxcsr (the XMM registers are kept and saved but no SSE arithmetic is modelled).
// CR0.EM or CR0.TS make every x87 instruction #NM. Exceptions are masked (the default after
// fninit) and never delivered; compares with a NaN and out-of-range integer stores set IE.
// The instruction is decoded as `nop r/m` for its memory operand (decoder.ts) and carries its
// opcode and ModRM in `Insn.x87`.
import type { Cpu } from '../cpu.ts';
import { FpuState } from '../fpu-state.ts';
import type { Insn } from '../decoder.ts';
import { raise, readLin, readLin16, readLin32, writeLin16, writeLin32, writeLin8, readLin8 } from '../memory-access.ts';
import { AF, CF, CR0_EM, CR0_TS, OF, PF, SF as SF_FLAG, ZF, type CpuState } from '../state.ts';

export { FpuState };

export function fpuOf(c: CpuState): FpuState {
  return c.fpu;
}

const IE = 1, C0 = 0x100, C1 = 0x200, C2 = 0x400, C3 = 0x4000;

function phys(f: FpuState, i: number): number { return (f.top + i) & 7; }
// Stack overflow and underflow are not detected (an empty register reads as what it last held,
// a push onto a full stack overwrites), as in QEMU, whose answers the oracle tests compare.
function get(f: FpuState, i: number): number { return f.st[phys(f, i)]!; }
function set(f: FpuState, i: number, v: number): void { const p = phys(f, i); f.st[p] = v; f.tag[p] = 0; }
function push(f: FpuState, v: number): void {
  f.top = (f.top - 1) & 7;
  f.st[f.top] = v; f.tag[f.top] = 0;
}
function pop(f: FpuState): void { f.tag[f.top] = 3; f.top = (f.top + 1) & 7; }

/** Rounds as the control word's RC field says. */
function round(f: FpuState, v: number): number {
  switch ((f.cw >> 10) & 3) {
    case 0: { const r = Math.round(v); return (r - v === 0.5 && r % 2 !== 0) ? r - 1 : r; }
    case 1: return Math.floor(v);
    case 2: return Math.ceil(v);
    default: return Math.trunc(v);
  }
}

// ---- memory formats

const buf = new DataView(new ArrayBuffer(16));

function readReal(c: Cpu, lin: number, size: 4 | 8 | 10): number {
  if (size === 4) { buf.setInt32(0, readLin32(c, lin), true); return buf.getFloat32(0, true); }
  if (size === 8) { buf.setInt32(0, readLin32(c, lin), true); buf.setInt32(4, readLin32(c, lin + 4), true); return buf.getFloat64(0, true); }
  const lo = readLin32(c, lin) >>> 0, hi = readLin32(c, lin + 4) >>> 0, se = readLin16(c, lin + 8);
  const sign = se & 0x8000 ? -1 : 1, exp = se & 0x7fff;
  const mant = hi * 4294967296 + lo;
  if (exp === 0 && mant === 0) return sign * 0;
  if (exp === 0x7fff) return (hi & 0x7fffffff) === 0 && lo === 0 ? sign * Infinity : NaN;
  return sign * (mant / 2 ** 63) * 2 ** (exp - 16383);
}

function writeReal(c: Cpu, lin: number, size: 4 | 8 | 10, v: number): void {
  if (size === 4) { buf.setFloat32(0, v, true); writeLin32(c, lin, buf.getInt32(0, true)); return; }
  if (size === 8) { buf.setFloat64(0, v, true); writeLin32(c, lin, buf.getInt32(0, true)); writeLin32(c, lin + 4, buf.getInt32(4, true)); return; }
  const bytes = toExtended(v);
  for (let k = 0; k < 10; k++) writeLin8(c, lin + k, bytes[k]!);
}

/** A double as the 10 bytes of an 80-bit extended real (exact: a double fits). */
function toExtended(v: number): number[] {
  const out = new Array<number>(10).fill(0);
  let se = 0, mant = 0n;
  if (Number.isNaN(v)) { se = 0xffff; mant = 0xc000000000000000n; }
  else {
    if (v < 0 || Object.is(v, -0)) { se = 0x8000; v = -v; }
    if (v === Infinity) { se |= 0x7fff; mant = 0x8000000000000000n; }
    else if (v !== 0) {
      buf.setFloat64(0, v, true);
      const bits = buf.getBigUint64(0, true);
      let e = Number((bits >> 52n) & 0x7ffn);
      let m = bits & 0xfffffffffffffn;
      if (e === 0) { // subnormal double: normalise
        let shift = 0;
        while ((m & (1n << 52n)) === 0n) { m <<= 1n; shift++; }
        e = 1 - shift;
      } else m |= 1n << 52n;
      se |= e - 1023 + 16383;
      mant = m << 11n;
    }
  }
  for (let k = 0; k < 8; k++) out[k] = Number((mant >> BigInt(8 * k)) & 0xffn);
  out[8] = se & 0xff; out[9] = se >> 8;
  return out;
}

function readInt(c: Cpu, lin: number, size: 2 | 4 | 8): number {
  if (size === 2) return (readLin16(c, lin) << 16) >> 16;
  if (size === 4) return readLin32(c, lin) | 0;
  const lo = readLin32(c, lin) >>> 0, hi = readLin32(c, lin + 4) | 0;
  return hi * 4294967296 + lo;
}

function writeInt(c: Cpu, f: FpuState, lin: number, size: 2 | 4 | 8, v: number): void {
  let r = round(f, v);
  const limit = size === 2 ? 0x8000 : size === 4 ? 0x80000000 : 2 ** 63;
  if (!Number.isFinite(r) || r >= limit || r < -limit) { f.sw |= IE; r = -limit; }
  if (size === 2) writeLin16(c, lin, r & 0xffff);
  else if (size === 4) writeLin32(c, lin, r | 0);
  else {
    const big = BigInt.asUintN(64, BigInt(r));
    writeLin32(c, lin, Number(big & 0xffffffffn) | 0);
    writeLin32(c, lin + 4, Number(big >> 32n) | 0);
  }
}

// ---- arithmetic

function arith(f: FpuState, op: number, a: number, b: number): number {
  switch (op) {
    case 0: return a + b;
    case 1: return a * b;
    case 4: return a - b;
    case 5: return b - a;
    case 6: if (b === 0 && a !== 0 && !Number.isNaN(a)) f.sw |= 4; return a / b;   // ZE
    default: if (a === 0 && b !== 0 && !Number.isNaN(b)) f.sw |= 4; return b / a;   // 7: divr
  }
}

/** C3/C2/C0 for a compare of a with b (unordered: all three). */
function compare(f: FpuState, a: number, b: number): void {
  f.sw &= ~(C0 | C2 | C3 | C1);
  if (Number.isNaN(a) || Number.isNaN(b)) { f.sw |= C0 | C2 | C3 | IE; return; }
  if (a < b) f.sw |= C0;
  else if (a === b) f.sw |= C3;
}

function compareFlags(c: Cpu, a: number, b: number): void {
  let fl = 0;
  if (Number.isNaN(a) || Number.isNaN(b)) fl = ZF | PF | CF;
  else if (a < b) fl = CF;
  else if (a === b) fl = ZF;
  c.setArith(ZF | PF | CF | OF | SF_FLAG | AF, fl);
}

const CONSTANTS = [1, Math.log2(10), Math.LOG2E, Math.PI, Math.log10(2), Math.LN2, 0];

function statusWord(f: FpuState): number {
  return (f.sw & ~0x3800) | (f.top << 11) | (f.sw & 0x3f & ~(f.cw & 0x3f) ? 0x8080 : 0);
}

function tagWord(f: FpuState): number {
  let w = 0;
  for (let p = 0; p < 8; p++) {
    let t = f.tag[p]!;
    if (t !== 3) t = f.st[p] === 0 ? 1 : Number.isFinite(f.st[p]!) ? 0 : 2;
    w |= t << (2 * p);
  }
  return w;
}

function init(f: FpuState): void {
  f.cw = 0x037f; f.sw = 0; f.top = 0; f.tag.fill(3);
}

/** The function that runs an instruction decoded with `Insn.x87` set. */
export function x87Exec(i: Insn): (c: Cpu, i: Insn) => void {
  return (i.x87 >> 8) === 0xae ? fxStateI : x87I;
}

export function x87I(c: Cpu, i: Insn): void {
  if (c.cr0 & (CR0_EM | CR0_TS)) raise(7);
  const f = fpuOf(c);
  const op = i.x87 >> 8, modrm = i.x87 & 0xff;
  const reg = (modrm >> 3) & 7, rm = modrm & 7;
  const lin = c.eaLin;
  if (modrm < 0xc0) {
    switch (op) {
      case 0xd8: case 0xdc: case 0xda: case 0xde: {
        // arithmetic with a memory operand: d8 m32real, dc m64real, da m32int, de m16int
        const v = op === 0xd8 ? readReal(c, lin, 4) : op === 0xdc ? readReal(c, lin, 8) : readInt(c, lin, op === 0xda ? 4 : 2);
        const a = get(f, 0);
        if (reg === 2 || reg === 3) { compare(f, a, v); if (reg === 3) pop(f); return; }
        set(f, 0, arith(f, reg, a, v));
        return;
      }
      case 0xd9:
        switch (reg) {
          case 0: push(f, readReal(c, lin, 4)); return;
          case 2: writeReal(c, lin, 4, get(f, 0)); return;
          case 3: writeReal(c, lin, 4, get(f, 0)); pop(f); return;
          case 5: f.cw = readLin16(c, lin) | 0x40; return;
          case 7: writeLin16(c, lin, f.cw); return;
          case 4: case 6: { // fldenv / fnstenv (32-bit layout)
            if (reg === 6) {
              writeLin32(c, lin, f.cw); writeLin32(c, lin + 4, statusWord(f)); writeLin32(c, lin + 8, tagWord(f));
              for (let k = 12; k < 28; k += 4) writeLin32(c, lin + k, 0);
              f.cw |= 0x3f;
            } else {
              f.cw = readLin16(c, lin); const sw = readLin16(c, lin + 4); f.top = (sw >> 11) & 7; f.sw = sw & ~0x3800;
              const tw = readLin16(c, lin + 8); for (let p = 0; p < 8; p++) f.tag[p] = ((tw >> (2 * p)) & 3) === 3 ? 3 : 0;
            }
            return;
          }
          default: raise(6);
        }
      // falls through (unreachable)
      case 0xdb:
        switch (reg) {
          case 0: push(f, readInt(c, lin, 4)); return;
          case 1: writeInt(c, f, lin, 4, Math.trunc(get(f, 0))); pop(f); return;   // fisttp
          case 2: writeInt(c, f, lin, 4, get(f, 0)); return;
          case 3: writeInt(c, f, lin, 4, get(f, 0)); pop(f); return;
          case 5: push(f, readReal(c, lin, 10)); return;
          case 7: writeReal(c, lin, 10, get(f, 0)); pop(f); return;
          default: raise(6);
        }
      // falls through (unreachable)
      case 0xdd:
        switch (reg) {
          case 0: push(f, readReal(c, lin, 8)); return;
          case 2: writeReal(c, lin, 8, get(f, 0)); return;
          case 3: writeReal(c, lin, 8, get(f, 0)); pop(f); return;
          case 7: writeLin16(c, lin, statusWord(f)); return;
          default: raise(6);
        }
      // falls through (unreachable)
      case 0xdf:
        switch (reg) {
          case 0: push(f, readInt(c, lin, 2)); return;
          case 2: writeInt(c, f, lin, 2, get(f, 0)); return;
          case 3: writeInt(c, f, lin, 2, get(f, 0)); pop(f); return;
          case 5: push(f, readInt(c, lin, 8)); return;
          case 7: writeInt(c, f, lin, 8, get(f, 0)); pop(f); return;
          default: raise(6);
        }
      // falls through (unreachable)
      default: raise(6);
    }
  }
  // register forms
  switch (op) {
    case 0xd8: { // st0 op= st(i)
      const a = get(f, 0), b = get(f, rm);
      if (reg === 2 || reg === 3) { compare(f, a, b); if (reg === 3) pop(f); return; }
      set(f, 0, arith(f, reg, a, b));
      return;
    }
    case 0xdc: case 0xde: { // st(i) op= st0 (reversed sub/div encodings), de: and pop
      if (op === 0xde && reg === 3 && rm === 1) { compare(f, get(f, 0), get(f, 1)); pop(f); pop(f); return; } // fcompp
      if (reg === 2 || reg === 3) { compare(f, get(f, 0), get(f, rm)); if (reg === 3) pop(f); return; }
      const r = reg === 4 ? 5 : reg === 5 ? 4 : reg === 6 ? 7 : reg === 7 ? 6 : reg;
      set(f, rm, arith(f, r, get(f, rm), get(f, 0)));
      if (op === 0xde) pop(f);
      return;
    }
    case 0xd9:
      if (reg === 0) { const v = get(f, rm); push(f, v); return; }              // fld st(i)
      if (reg === 1) { const a = get(f, 0), b = get(f, rm); set(f, 0, b); set(f, rm, a); return; } // fxch
      switch (modrm) {
        case 0xd0: return;                                                       // fnop
        case 0xe0: set(f, 0, -get(f, 0)); return;
        case 0xe1: set(f, 0, Math.abs(get(f, 0))); return;
        case 0xe4: compare(f, get(f, 0), 0); return;                             // ftst
        case 0xe5: { // fxam
          const p = phys(f, 0), v = f.st[p]!;
          f.sw &= ~(C0 | C1 | C2 | C3);
          if (v < 0 || Object.is(v, -0)) f.sw |= C1;
          if (f.tag[p] === 3) f.sw |= C0 | C3;
          else if (Number.isNaN(v)) f.sw |= C0;
          else if (!Number.isFinite(v)) f.sw |= C0 | C2;
          else if (v === 0) f.sw |= C3;
          else f.sw |= C2;
          return;
        }
        case 0xe8: case 0xe9: case 0xea: case 0xeb: case 0xec: case 0xed: case 0xee:
          push(f, CONSTANTS[modrm - 0xe8]!); return;
        case 0xf6: f.top = (f.top - 1) & 7; return;                              // fdecstp
        case 0xf7: f.top = (f.top + 1) & 7; return;                              // fincstp
        case 0xfa: set(f, 0, Math.sqrt(get(f, 0))); return;
        case 0xfc: set(f, 0, round(f, get(f, 0))); return;                       // frndint
        case 0xfe: set(f, 0, Math.sin(get(f, 0))); return;
        case 0xff: set(f, 0, Math.cos(get(f, 0))); return;
        case 0xf0: set(f, 0, 2 ** get(f, 0) - 1); return;                        // f2xm1
        case 0xf1: { const y = get(f, 1) * Math.log2(get(f, 0)); pop(f); set(f, 0, y); return; } // fyl2x
        case 0xfd: { const v = get(f, 0) * 2 ** Math.trunc(get(f, 1)); set(f, 0, v); return; }   // fscale
        case 0xf8: case 0xf5: { const a = get(f, 0), b = get(f, 1); set(f, 0, modrm === 0xf8 ? a % b : a - b * Math.round(a / b)); f.sw &= ~C2; return; } // fprem, fprem1
        default: raise(6);
      }
    // falls through (unreachable)
    case 0xdb:
      if (modrm === 0xe3) { init(f); return; }                                   // fninit
      if (modrm === 0xe2) { f.sw &= 0x7f00; return; }                            // fnclex
      if (reg === 5 || reg === 6) { compareFlags(c, get(f, 0), get(f, rm)); return; } // fucomi, fcomi
      if (reg <= 3) { // fcmovnb/nbe/ne/nu
        const cond = reg === 0 ? !c.getCF() : reg === 1 ? !c.getCF() && !c.getZF() : reg === 2 ? !c.getZF() : !c.getPF();
        if (cond) set(f, 0, get(f, rm));
        return;
      }
      if (modrm === 0xe0 || modrm === 0xe1 || modrm === 0xe4) return;            // feni/fdisi/fsetpm: no-ops
      raise(6);
    // falls through (unreachable)
    case 0xda:
      if (modrm === 0xe9) { compare(f, get(f, 0), get(f, 1)); pop(f); pop(f); return; } // fucompp
      if (reg <= 3) { // fcmovb/e/be/u
        const cond = reg === 0 ? c.getCF() : reg === 1 ? c.getZF() : reg === 2 ? c.getCF() || c.getZF() : c.getPF();
        if (cond) set(f, 0, get(f, rm));
        return;
      }
      raise(6);
    // falls through (unreachable)
    case 0xdd:
      if (reg === 0) { f.tag[phys(f, rm)] = 3; return; }                         // ffree
      if (reg === 2) { set(f, rm, get(f, 0)); return; }                          // fst st(i)
      if (reg === 3) { set(f, rm, get(f, 0)); pop(f); return; }                  // fstp st(i)
      if (reg === 4 || reg === 5) { compare(f, get(f, 0), get(f, rm)); if (reg === 5) pop(f); return; } // fucom(p)
      raise(6);
    // falls through (unreachable)
    case 0xdf:
      if (modrm === 0xe0) { c.writeReg(0, 2, statusWord(f), 0); return; }        // fnstsw ax
      if (reg === 5 || reg === 6) { compareFlags(c, get(f, 0), get(f, rm)); pop(f); return; } // fucomip, fcomip
      if (reg === 0) { f.tag[phys(f, rm)] = 3; pop(f); return; }                 // ffreep
      raise(6);
    // falls through (unreachable)
    default: raise(6);
  }
}

/** 0F AE /0-/3 with memory: fxsave, fxrstor, ldmxcsr, stmxcsr. */
export function fxStateI(c: Cpu, i: Insn): void {
  const reg = (i.x87 >> 3) & 7;
  if (c.cr0 & (CR0_EM | CR0_TS)) raise(7);
  if (!(c.cr4 & 0x200) && reg >= 2) raise(6);
  const f = fpuOf(c);
  const lin = c.eaLin;
  if (reg <= 1 && (lin & 15) !== 0) raise(13, 0);
  switch (reg) {
    case 0: {
      writeLin16(c, lin, f.cw); writeLin16(c, lin + 2, statusWord(f));
      let ftw = 0; for (let p = 0; p < 8; p++) if (f.tag[p] !== 3) ftw |= 1 << p;
      writeLin8(c, lin + 4, ftw); writeLin8(c, lin + 5, 0); writeLin16(c, lin + 6, 0);
      for (let k = 8; k < 24; k += 4) writeLin32(c, lin + k, 0);
      writeLin32(c, lin + 24, f.mxcsr); writeLin32(c, lin + 28, 0xffff);
      for (let r = 0; r < 8; r++) {
        const p = phys(f, r);
        const bytes = toExtended(f.st[p]!);
        for (let k = 0; k < 16; k++) writeLin8(c, lin + 32 + r * 16 + k, k < 10 ? bytes[k]! : 0);
      }
      const n = c.bits === 64 ? 16 : 8;
      for (let k = 0; k < n * 16; k++) writeLin8(c, lin + 160 + k, f.xmm[k]!);
      return;
    }
    case 1: {
      f.cw = readLin16(c, lin); const sw = readLin16(c, lin + 2); f.top = (sw >> 11) & 7; f.sw = sw & ~0x3800;
      const ftw = readLin8(c, lin + 4);
      const mx = readLin32(c, lin + 24);
      if (mx & ~0xffff) raise(13, 0);
      f.mxcsr = mx;
      for (let r = 0; r < 8; r++) {
        const p = phys(f, r);
        f.st[p] = readReal(c, lin + 32 + r * 16, 10);
        f.tag[p] = ftw & (1 << p) ? 0 : 3;
      }
      const n = c.bits === 64 ? 16 : 8;
      for (let k = 0; k < n * 16; k++) f.xmm[k] = readLin8(c, lin + 160 + k);
      return;
    }
    case 2: { const mx = readLin(c, lin, 4); if (mx & ~0xffff) raise(13, 0); f.mxcsr = mx; return; }
    default: writeLin32(c, lin, f.mxcsr);
  }
}
