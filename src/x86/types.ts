// The structured form of one x86 instruction, shared by the encoder (input), the decoder
// (output) and the assembler front end. Values are bigint so 64-bit immediates and
// displacements are exact; the emulator keeps its own compact decoded form.
import type { Register } from './registers.ts';

export type Bits = 16 | 32 | 64;

/** Operand sizes in bytes; 10 (tword) and 6 (far pointer m16:32) appear only on memory. */
export type OpSize = 1 | 2 | 4 | 8 | 6 | 10 | 16;

export interface RegOperand {
  readonly kind: 'reg';
  readonly reg: Register;
}

export interface ImmOperand {
  readonly kind: 'imm';
  readonly value: bigint;
  /** Size written by the programmer (`byte 5`, `dword 5`), or chosen by the decoder. */
  readonly size?: OpSize;
  /**
   * False while the value depends on a symbol not yet defined (assembler's early passes).
   * The encoder then does not pick a short form on the strength of the value.
   */
  readonly known?: boolean;
  /** NASM's `strict`: take the size literally, never shrink it. */
  readonly strict?: boolean;
}

export interface MemOperand {
  readonly kind: 'mem';
  /** Size of the data accessed, when written (`dword [x]`) or implied by the form. */
  readonly size?: OpSize;
  readonly seg?: Register;
  readonly base?: Register;        // may be rip/eip for RIP-relative
  readonly index?: Register;
  readonly scale: 1 | 2 | 4 | 8;
  readonly disp: bigint;
  readonly dispKnown?: boolean;    // as ImmOperand.known
  /** Displacement size forced by `byte`/`dword` inside the brackets, e.g. [dword eax+4]. */
  readonly dispSize?: 1 | 2 | 4 | 8;
  /** NASM `[rel x]` (RIP-relative) vs `[abs x]`; undefined follows `default rel/abs`. */
  readonly rel?: boolean;
  /** NASM `nosplit`: keep a lone scaled index ([eax*2]) as written instead of [eax+eax]. */
  readonly nosplit?: boolean;
  /** Address size when not the mode's default (from a 67 prefix or a 32-bit base in 64-bit code). */
  readonly addrSize?: 2 | 4 | 8;
}

/** The target of a relative branch (jmp/jcc/call/loop), as an absolute address. */
export interface RelOperand {
  readonly kind: 'rel';
  readonly target: bigint;
  readonly known?: boolean;
  /** `short` / `near` keyword from the source. */
  readonly dist?: 'short' | 'near';
  readonly strict?: boolean;
  /** Operand size written on the branch (`jmp word x` in 32-bit code, `call dword x` in 16-bit). */
  readonly size?: 2 | 4 | 8;
}

/** A direct far pointer `seg:offset` (jmp 0x08:start, call far 0x10:0x1000). */
export interface FarOperand {
  readonly kind: 'far';
  readonly selector: number;
  readonly offset: bigint;
  readonly size?: OpSize;          // 2 or 4: the offset's size
  readonly known?: boolean;
}

export type Operand = RegOperand | ImmOperand | MemOperand | RelOperand | FarOperand;

export type RepPrefix = 'rep' | 'repe' | 'repne';

export interface Instruction {
  /** Lower-case mnemonic as NASM spells it (`jnz`, `movsb`, `cmovae`). */
  readonly mnemonic: string;
  readonly operands: readonly Operand[];
  readonly lock?: boolean;
  readonly rep?: RepPrefix;
  /** `o16`/`o32`/`o64` and `a16`/`a32`/`a64` prefixes written explicitly (NASM syntax). */
  readonly opsizeOverride?: 2 | 4 | 8;
  readonly addrsizeOverride?: 2 | 4 | 8;
  /** `far` keyword on call/jmp/ret with a memory operand or `retf`. */
  readonly far?: boolean;
  /**
   * A segment prefix written before the mnemonic (`fs lodsb`, `rep fs movsb`, `cs xlatb`):
   * the segment of an implicit memory operand. Explicit memory operands carry theirs.
   */
  readonly segmentPrefix?: Register;
}

/** Options for one encode call. */
export interface EncodeContext {
  readonly bits: Bits;
  /** Address of the first byte of the instruction (for relative branches and RIP-relative). */
  readonly address: bigint;
  /** NASM `default rel`: plain [disp32] in 64-bit mode becomes RIP-relative. */
  readonly defaultRel?: boolean;
}

/** What a failed encode says: the assembler prefixes it with `file:line: error: `. */
export class EncodeError extends Error {
  /** `firstPass`: NASM reports it in the first pass that meets it and stops after that pass. */
  constructor(message: string, readonly firstPass = false) {
    super(message);
    this.name = 'EncodeError';
  }
}

export interface DecodedInstruction extends Instruction {
  /** Number of bytes consumed. */
  readonly length: number;
  /** True for bytes that form no valid instruction in this mode (objdump's `(bad)`). */
  readonly invalid?: boolean;
  /** True for a recognised but unmodelled instruction (x87, MMX, SSE3+, AVX, ...): length is right, text is coarse. */
  readonly unsupported?: boolean;
  /** Prefix bytes kept for printing when they are not otherwise explained (e.g. a stray 66 or REX). */
  readonly segmentPrefix?: Register;
}
