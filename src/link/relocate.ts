// Relocation application: computes each field's value with the psABI formulas (S + A, S + A - P,
// G + GOT + A - P, Z + A), checks that it fits, and writes it. GOT loads that scan.ts found
// relaxable are rewritten into instructions that use the address directly:
//   mov reg, [rip+x@GOTPCREL]   -> lea reg, [rip+x]
//   call [rip+x@GOTPCREL]       -> addr32 call x
//   jmp [rip+x@GOTPCREL]        -> jmp x ; nop
//   test/binop reg, [rip+x@GOTPCREL] (REX form) -> test/binop reg, imm32
import { addressDescription } from './location.ts';
import { symbolValue } from './addresses.ts';
import type { Diagnostics } from './diagnostics.ts';
import { R_X86_64, relocationName } from './elf/constants.ts';
import type { Relocation } from './object.ts';
import { gotRelaxation } from './scan.ts';
import { relocationTarget } from './targets.ts';
import type { InputSection } from './types.ts';

export interface GotLookup {
  /** Address of the GOT slot a relocation uses. */
  slotAddress(input: InputSection, rel: Relocation): bigint;
  /** The GOT base, _GLOBAL_OFFSET_TABLE_: the start of .got.plt. */
  base(): bigint;
}

const I32_MIN = -(1n << 31n);
const I32_MAX = (1n << 31n) - 1n;

/** A place to patch: the output bytes, the index of the field and its address. */
export interface Place {
  bytes: Uint8Array;
  pos: number;
  address: bigint;
}

export function applyRelocation(input: InputSection, rel: Relocation, place: Place, got: GotLookup, diag: Diagnostics): void {
  const view = new DataView(place.bytes.buffer, place.bytes.byteOffset, place.bytes.byteLength);
  const S = symbolValue(input.file, rel);
  const A = rel.addend;
  const P = place.address;
  const { bytes, pos } = place;
  const target = relocationTarget(input.file, rel);

  const fail = (value: bigint, min: bigint, max: bigint) => {
    const name = target.symbol.name;
    const where = target.global?.definition?.file.object.name ?? input.file.object.name;
    diag.error(
      `${addressDescription(input, rel.offset)}: relocation ${relocationName(rel.type)} out of range: ${value} is not in [${min}, ${max}]; references '${name}'\n>>> defined in ${where}`,
    );
  };
  const write = (size: 1 | 2 | 4 | 8, raw: bigint, check: 'signed' | 'unsigned' | 'either' | 'none', at = pos) => {
    const bits = BigInt(size * 8);
    // Values are 64-bit: a higher-half address is a negative number to a signed field
    // (0xffffffff80000000 fits R_X86_64_32S) and a large one to an unsigned field.
    const value = check === 'unsigned' ? BigInt.asUintN(64, raw) : BigInt.asIntN(64, raw);
    if (check !== 'none' && size < 8) {
      const sMin = -(1n << (bits - 1n));
      const sMax = (1n << (bits - 1n)) - 1n;
      const uMax = (1n << bits) - 1n;
      const okSigned = value >= sMin && value <= sMax;
      const okUnsigned = value >= 0n && value <= uMax;
      if (check === 'signed' && !okSigned) return fail(value, sMin, sMax);
      if (check === 'unsigned' && !okUnsigned) return fail(value, 0n, uMax);
      if (check === 'either' && !okSigned && !okUnsigned) return fail(value, sMin, uMax);
    }
    const u = BigInt.asUintN(Number(bits), value);
    if (size === 1) view.setUint8(at, Number(u));
    else if (size === 2) view.setUint16(at, Number(u), true);
    else if (size === 4) view.setUint32(at, Number(u), true);
    else view.setBigUint64(at, u, true);
  };

  switch (rel.type) {
    case R_X86_64.NONE:
      return;
    case R_X86_64._64:
      return write(8, S + A, 'none');
    case R_X86_64.PC64:
      return write(8, S + A - P, 'none');
    case R_X86_64.PC32:
    case R_X86_64.PLT32:
      return write(4, S + A - P, 'signed');
    case R_X86_64._32:
      return write(4, S + A, 'unsigned');
    case R_X86_64._32S:
      return write(4, S + A, 'signed');
    case R_X86_64._16:
      return write(2, S + A, 'either');
    case R_X86_64.PC16:
      return write(2, S + A - P, 'signed');
    case R_X86_64._8:
      return write(1, S + A, 'either');
    case R_X86_64.PC8:
      return write(1, S + A - P, 'signed');
    case R_X86_64.SIZE32:
      return write(4, BigInt(target.symbol.size) + A, 'unsigned');
    case R_X86_64.SIZE64:
      return write(8, BigInt(target.symbol.size) + A, 'none');
    case R_X86_64.GOTPCREL:
    case R_X86_64.GOTPCRELX:
    case R_X86_64.REX_GOTPCRELX:
      break;
    // Large code model: offsets from the GOT base, GOT slots as offsets from it.
    case R_X86_64.GOT32:
      return write(4, got.slotAddress(input, rel) - got.base() + A, 'signed');
    case R_X86_64.GOT64:
      return write(8, got.slotAddress(input, rel) - got.base() + A, 'none');
    case R_X86_64.GOTPCREL64:
      return write(8, got.slotAddress(input, rel) + A - P, 'none');
    case R_X86_64.GOTOFF64:
    case R_X86_64.PLTOFF64:
      return write(8, S + A - got.base(), 'none');
    case R_X86_64.GOTPC32:
      return write(4, got.base() + A - P, 'signed');
    case R_X86_64.GOTPC64:
      return write(8, got.base() + A - P, 'none');
    default:
      // scan.ts has already reported unsupported types.
      return;
  }

  const g = target.global;
  const undefinedGlobal = g !== undefined && !g.definition && !g.common && !g.linkerDefined;
  // Linker-defined symbols (_end, __bss_start, ...) are section-relative, not absolute.
  const absolute = target.section === undefined && !undefinedGlobal && !g?.linkerDefined;
  const relax = gotRelaxation(input.section.data, rel, absolute, !undefinedGlobal);
  const rex = bytes[pos - 3]!;
  const op = bytes[pos - 2]!;
  const modrm = bytes[pos - 1]!;
  // The register operand (ModRM.reg, extended by REX.R) becomes the r/m operand (REX.B).
  const movedRex = (rex & ~0x04) | ((rex & 0x04) >> 2);
  switch (relax) {
    case 'lea':
      bytes[pos - 2] = 0x8d;
      return write(4, S + A - P, 'signed');
    case 'call':
      bytes[pos - 2] = 0x67;
      bytes[pos - 1] = 0xe8;
      return write(4, S + A - P, 'signed');
    case 'jmp':
      bytes[pos - 2] = 0xe9;
      bytes[pos + 3] = 0x90;
      return write(4, S + A - P + 1n, 'signed', pos - 1);
    case 'test-imm':
      bytes[pos - 3] = movedRex;
      bytes[pos - 2] = 0xf7;
      bytes[pos - 1] = 0xc0 | ((modrm >> 3) & 7);
      return write(4, S + A + 4n, 'signed');
    case 'binop-imm':
      bytes[pos - 3] = movedRex;
      bytes[pos - 2] = 0x81;
      bytes[pos - 1] = 0xc0 | ((modrm >> 3) & 7) | (op & 0x38);
      return write(4, S + A + 4n, 'signed');
    case 'none': {
      const slot = got.slotAddress(input, rel);
      const v = BigInt.asIntN(64, slot + A - P);
      if (v < I32_MIN || v > I32_MAX) return fail(v, I32_MIN, I32_MAX);
      return write(4, v, 'signed');
    }
  }
}
