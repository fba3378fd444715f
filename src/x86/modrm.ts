// ModRM, SIB and displacement for a memory operand, chosen as NASM chooses them: the
// shortest displacement that holds the value, [esp]-style bases through a SIB byte, [ebp]
// with a zero byte displacement, a lone scaled index split into base+index where that
// saves the 32-bit displacement, and RIP-relative addressing for `rel` operands.
import { type Register } from './registers.ts';
import { EncodeError, type Bits, type MemOperand } from './types.ts';

export interface MemEncoding {
  /** mod and rm bits of the ModRM byte (reg is filled in by the caller). */
  mod: number;
  rm: number;
  sib: number;        // -1 when absent
  dispBytes: number;  // 0, 1, 2 or 4
  disp: bigint;       // the value to write (for RIP-relative: the target, fixed up later)
  ripRelative: boolean;
  rexX: number;
  rexB: number;
  /** Address size used: 2, 4 or 8 bytes. */
  asize: 2 | 4 | 8;
  needsRex: boolean;
}

export function defaultAddressSize(bits: Bits): 2 | 4 | 8 {
  return bits === 16 ? 2 : bits === 32 ? 4 : 8;
}

const fitsS8 = (v: bigint) => v >= -128n && v <= 127n;

/** Wraps v to a signed value of `bytes` bytes (displacements wrap at the address size). */
export function toSigned(v: bigint, bytes: number): bigint {
  return BigInt.asIntN(bytes * 8, v);
}

/**
 * The address size of a memory operand: explicit, or the size of its registers, or, for a
 * bare address, NASM's reading of a size inside the brackets: [dword x] in 16-bit code and
 * [word x] in 32-bit code change the address size (67); [qword x] is the 64-bit moffs form.
 */
export function addressSizeOf(m: MemOperand, bits: Bits): 2 | 4 | 8 {
  if (m.addrSize) return m.addrSize;
  const r = m.base ?? m.index;
  if (r) return r.cls === 'ip' ? (r.size as 4 | 8) : (r.size as 2 | 4 | 8);
  if (m.dispSize === 8) return 8;
  if (bits === 64 && m.dispSize === 2) throw mixedAddressSizes(bits);
  if (bits !== 64 && (m.dispSize === 2 || m.dispSize === 4)) return m.dispSize;
  return defaultAddressSize(bits);
}

/** NASM's effective-address errors: reported in the first pass that meets them. */
function badAddress(bits: Bits): EncodeError {
  return new EncodeError(`invalid ${bits}-bit effective address`, true);
}
function mixedAddressSizes(bits: Bits): EncodeError {
  return new EncodeError(`impossible combination of address sizes\ninvalid ${bits}-bit effective address`, true);
}

const MODRM16: Record<string, number> = {
  'bx+si': 0, 'bx+di': 1, 'bp+si': 2, 'bp+di': 3, si: 4, di: 5, bp: 6, bx: 7,
};

function encode16(m: MemOperand, bits: Bits): MemEncoding {
  if ((m.base && m.base.size !== 2) || (m.index && m.index.size !== 2)) throw mixedAddressSizes(bits);
  if (m.index && m.scale !== 1) throw badAddress(bits);
  const regs = [m.base, m.index].filter((r): r is Register => !!r).map((r) => r.name);
  // Either order is fine: [si+bx] is [bx+si].
  if (regs.length === 2 && (regs[0] === 'si' || regs[0] === 'di')) regs.reverse();
  const disp = toSigned(m.disp, 2);
  const known = m.dispKnown !== false;
  if (regs.length === 0) {
    return mem(0, 6, -1, 2, m.disp, 2);
  }
  const rm = MODRM16[regs.join('+')];
  if (rm === undefined) throw badAddress(bits);
  let mod: number;
  if (m.dispSize === 1) mod = 1;
  else if (m.dispSize) mod = 2;
  else if (!known) mod = 2;
  else if (disp === 0n && rm !== 6) mod = 0;
  else mod = fitsS8(disp) ? 1 : 2;
  return mem(mod, rm, -1, mod === 0 ? 0 : mod === 1 ? 1 : 2, m.disp, 2);
}

function mem(mod: number, rm: number, sib: number, dispBytes: number, disp: bigint, asize: 2 | 4 | 8,
  rexX = 0, rexB = 0, ripRelative = false, needsRex = false): MemEncoding {
  return { mod, rm, sib, dispBytes, disp, ripRelative, rexX, rexB, asize, needsRex };
}

const SCALE_BITS: Record<number, number> = { 1: 0, 2: 1, 4: 2, 8: 3 };

function encode32or64(m: MemOperand, bits: Bits, asize: 4 | 8, defaultRel: boolean): MemEncoding {
  let base = m.base;
  let index = m.index;
  let scale: number = m.scale;
  for (const r of [base, index]) {
    if (r && r.cls !== 'ip' && r.size !== asize) throw mixedAddressSizes(bits);
  }
  const known = m.dispKnown !== false;

  // RIP-relative: explicit [rip+x], or [rel x], or default rel with no registers (not with fs/gs).
  const noRegs = !base && !index;
  const segFsGs = m.seg && (m.seg.name === 'fs' || m.seg.name === 'gs');
  const wantRel = base?.cls === 'ip' || (bits === 64 && noRegs && (m.rel === true || (m.rel === undefined && defaultRel && !segFsGs)));
  if (wantRel) {
    if (index) throw badAddress(bits);
    return mem(0, 5, -1, 4, m.disp, asize, 0, 0, true);
  }

  // A scaled index with no base: [eax*2] is shorter as [eax+eax], [eax*1] is just [eax].
  if (!base && index && !m.nosplit && (scale === 1 || (scale === 2 && index.num !== 4))) {
    if (scale === 2) { base = index; scale = 1; } else { base = index; index = undefined; }
  }
  // esp/rsp cannot be an index: swap it into the base when the scale allows.
  if (index && index.num === 4 && !index.needsRex) {
    if (scale !== 1 || (base && base.num === 4 && !base.needsRex)) throw badAddress(bits);
    [base, index] = [index, base];
  }

  const needsRex = !!(base?.needsRex || index?.needsRex);
  const rexB = base ? base.num >> 3 : 0;
  const rexX = index ? index.num >> 3 : 0;
  const disp = toSigned(m.disp, asize === 8 ? 8 : 4);

  if (!base) {
    if (!index) {
      // Absolute address: [disp32] in 32-bit addressing; in 64-bit mode a SIB with no base and no index.
      if (bits === 64) return mem(0, 4, 0x25, 4, m.disp, asize, 0, 0, false, needsRex);
      return mem(0, 5, -1, 4, m.disp, asize);
    }
    const sib = (SCALE_BITS[scale] << 6) | ((index.num & 7) << 3) | 5;
    return mem(0, 4, sib, 4, m.disp, asize, rexX, 0, false, needsRex);
  }

  let mod: number;
  if (m.dispSize === 1) mod = 1;
  else if (m.dispSize) mod = 2;
  else if (!known) mod = 2;
  else if (disp === 0n && (base.num & 7) !== 5) mod = 0;
  else mod = fitsS8(disp) ? 1 : 2;
  const dispBytes = mod === 0 ? 0 : mod === 1 ? 1 : 4;

  if (!index && (base.num & 7) !== 4) {
    return mem(mod, base.num & 7, -1, dispBytes, m.disp, asize, 0, rexB, false, needsRex);
  }
  const indexNum = index ? index.num & 7 : 4; // 4 = no index
  const sib = (SCALE_BITS[index ? scale : 1] << 6) | (indexNum << 3) | (base.num & 7);
  return mem(mod, 4, sib, dispBytes, m.disp, asize, rexX, rexB, false, needsRex);
}

export function encodeMemory(m: MemOperand, bits: Bits, defaultRel: boolean): MemEncoding {
  const asize = addressSizeOf(m, bits);
  if ((bits === 64 && asize === 2) || (bits !== 64 && asize === 8)) throw mixedAddressSizes(bits);
  if (asize === 2) return encode16(m, bits);
  return encode32or64(m, bits, asize, defaultRel);
}
