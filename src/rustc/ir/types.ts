// The back end's intermediate representation: what lowering from the typed AST produces and what
// the x86-64 code generator consumes. Values are typed virtual registers holding scalars only
// (integers, bool, char, raw pointers, unit); aggregates live in memory (stack slots or statics)
// and are reached through pointers. A virtual register may be assigned more than once (like
// rustc's MIR locals), which keeps lowering of `let mut` simple; every read must come after a
// write on every path (the verifier checks the simple cases, the interpreter the rest).

export const INT_TYPES = ['i8', 'i16', 'i32', 'i64', 'i128', 'isize', 'u8', 'u16', 'u32', 'u64', 'u128', 'usize'] as const;
export type IntType = (typeof INT_TYPES)[number];
export type ScalarType = IntType | 'bool' | 'char' | 'ptr' | 'unit' | 'never';

export function isInt(t: ScalarType): t is IntType {
  return (INT_TYPES as readonly string[]).includes(t);
}

export function isSigned(t: ScalarType): boolean {
  return t === 'i8' || t === 'i16' || t === 'i32' || t === 'i64' || t === 'i128' || t === 'isize';
}

/** Width in bits of a scalar as it sits in memory (unit and never: 0). */
export function bitsOf(t: ScalarType): number {
  switch (t) {
    case 'i8': case 'u8': case 'bool': return 8;
    case 'i16': case 'u16': return 16;
    case 'i32': case 'u32': case 'char': return 32;
    case 'i64': case 'u64': case 'isize': case 'usize': case 'ptr': return 64;
    case 'i128': case 'u128': return 128;
    case 'unit': case 'never': return 0;
  }
}

export function bytesOf(t: ScalarType): number {
  return bitsOf(t) / 8;
}

/** Brings a bigint into the canonical range of `t` (two's complement wrap for integers). */
export function wrap(t: ScalarType, v: bigint): bigint {
  const bits = bitsOf(t);
  if (bits === 0) return 0n;
  return isSigned(t) ? BigInt.asIntN(bits, v) : BigInt.asUintN(bits, v);
}

export interface ValueOperand { readonly kind: 'value'; readonly id: number }
export interface ConstOperand { readonly kind: 'const'; readonly type: ScalarType; readonly value: bigint }
export type Operand = ValueOperand | ConstOperand;

export type BinaryOp = 'add' | 'sub' | 'mul' | 'div' | 'rem' | 'and' | 'or' | 'xor' | 'shl' | 'shr';
export type CheckedOp = 'add' | 'sub' | 'mul';
export type CompareOp = 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge';
export type UnaryOp = 'neg' | 'not';

/**
 * Instructions. Arithmetic wraps at the destination's width; signedness comes from the type.
 * `div`/`rem` by zero and signed MIN / -1 are undefined here: lowering emits the checks and
 * panics first, as rustc does. Shifts take the amount modulo the width (`wrapping_shl`);
 * lowering checks `amount < bits` first in debug builds.
 */
export type Inst =
  | { op: 'copy'; dst: number; src: Operand }
  | { op: 'binary'; kind: BinaryOp; dst: number; a: Operand; b: Operand }
  /** Wrapped result in `dst`, true in `overflow` when the mathematical result does not fit. */
  | { op: 'checked'; kind: CheckedOp; dst: number; overflow: number; a: Operand; b: Operand }
  | { op: 'compare'; kind: CompareOp; dst: number; a: Operand; b: Operand }
  | { op: 'unary'; kind: UnaryOp; dst: number; a: Operand }
  /** Rust's `as` between integers, bool, char and pointers (dst's type is the target). */
  | { op: 'cast'; dst: number; src: Operand }
  | { op: 'load'; dst: number; addr: Operand; volatile?: boolean }
  | { op: 'store'; addr: Operand; value: Operand; volatile?: boolean }
  | { op: 'slotAddr'; dst: number; slot: number }
  | { op: 'staticAddr'; dst: number; symbol: string }
  /** dst = base + index * scale + offset (field: index absent; element/offset: index and stride). */
  | { op: 'ptrAdd'; dst: number; base: Operand; index?: Operand; scale?: number; offset?: number }
  | { op: 'call'; dst?: number; callee: string; args: Operand[] }
  /**
   * A call through a function pointer (`callee` is a `ptr`, e.g. from `staticAddr` of a function
   * or loaded from memory), System V ABI. The signature is spelled out because the pointer does
   * not carry it.
   */
  | { op: 'callIndirect'; dst?: number; callee: Operand; params: ScalarType[]; ret: ScalarType; args: Operand[] }
  /** Port output (`out dx, al/ax/eax`), width from the value's type (u8/u16/u32). */
  | { op: 'out'; port: Operand; value: Operand }
  /** Port input (`in al/ax/eax, dx`), width from dst's type (u8/u16/u32). */
  | { op: 'in'; dst: number; port: Operand }
  | { op: 'hlt' };

export interface SwitchCase { readonly value: bigint; readonly target: string }

export type Terminator =
  | { op: 'goto'; target: string }
  | { op: 'branch'; cond: Operand; then: string; else: string }
  | { op: 'switch'; value: Operand; cases: SwitchCase[]; default: string }
  | { op: 'return'; value?: Operand }
  | { op: 'unreachable' }
  /** Calls the module's panic function with (message ptr, message len, &Location); never returns. */
  | { op: 'panic'; message: string; file: string; line: number; col: number };

export interface Block {
  readonly label: string;
  readonly insts: Inst[];
  terminator: Terminator;
}

/** A stack slot: memory for a local aggregate (or any local whose address is taken). */
export interface Slot { readonly name: string; readonly size: number; readonly align: number }

export interface Func {
  /** Symbol name in the object (already mangled, or the #[no_mangle] name). */
  readonly name: string;
  /** Global for #[no_mangle] / pub extern "C"; local otherwise. */
  readonly global: boolean;
  /** Parameters are values 0..params.length-1 on entry. */
  readonly params: ScalarType[];
  readonly ret: ScalarType;
  /** Type of every value by id. */
  readonly values: ScalarType[];
  readonly slots: Slot[];
  /** blocks[0] is the entry. */
  readonly blocks: Block[];
}

export interface DataReloc { readonly offset: number; readonly symbol: string; readonly addend?: number }

/** A static, a constant's storage, or string/byte-string data. */
export interface Static {
  readonly name: string;
  readonly global: boolean;
  /** Writable (`static mut`, interior data): .data/.bss; otherwise .rodata. */
  readonly mutable: boolean;
  readonly align: number;
  readonly bytes: Uint8Array;
  /** 64-bit absolute pointers to other symbols stored in the bytes. */
  readonly relocs?: DataReloc[];
}

/** Declared elsewhere (extern "C" functions, core, compiler_builtins). */
export interface ExternFunc { readonly name: string; readonly params: ScalarType[]; readonly ret: ScalarType }

export interface Module {
  readonly name: string;
  /** Source file name recorded as the object's STT_FILE symbol. */
  readonly sourceFile: string;
  readonly funcs: Func[];
  readonly statics: Static[];
  readonly externs: ExternFunc[];
  /** Symbol the `panic` terminator calls: fn(msg_ptr: ptr, msg_len: usize, location: ptr) -> !. */
  readonly panicSymbol: string;
}

export const v = (id: number): ValueOperand => ({ kind: 'value', id });
export const c = (type: ScalarType, value: bigint | number): ConstOperand => ({ kind: 'const', type, value: wrap(type, BigInt(value)) });
