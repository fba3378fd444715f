// A convenience for building IR functions by hand (tests) or from lowering: new values get the
// next id, instructions go to the current block, and each block must be terminated once.
import type { BinaryOp, Block, CheckedOp, CompareOp, Func, Inst, Operand, ScalarType, Slot, Terminator, UnaryOp } from './types.ts';
import { v } from './types.ts';

export class FuncBuilder {
  readonly values: ScalarType[];
  readonly slots: Slot[] = [];
  readonly blocks: Block[] = [];
  private current: Block | undefined;

  constructor(readonly name: string, readonly params: ScalarType[], readonly ret: ScalarType, readonly global = false) {
    this.values = [...params];
    this.block('entry');
  }

  param(i: number): Operand {
    return v(i);
  }

  value(type: ScalarType): number {
    this.values.push(type);
    return this.values.length - 1;
  }

  slot(name: string, size: number, align: number): number {
    this.slots.push({ name, size, align });
    return this.slots.length - 1;
  }

  /** Creates a block and makes it current; returns its label. */
  block(label: string): string {
    if (this.blocks.some((b) => b.label === label)) throw new Error(`FuncBuilder: block ${label} twice`);
    const block: Block = { label, insts: [], terminator: { op: 'unreachable' } };
    this.blocks.push(block);
    this.current = block;
    return label;
  }

  /** Makes an existing block current. */
  at(label: string): this {
    const b = this.blocks.find((x) => x.label === label);
    if (!b) throw new Error(`FuncBuilder: no block ${label}`);
    this.current = b;
    return this;
  }

  emit(inst: Inst): this {
    this.current!.insts.push(inst);
    return this;
  }

  terminate(t: Terminator): this {
    this.current!.terminator = t;
    return this;
  }

  copy(type: ScalarType, src: Operand): Operand {
    const dst = this.value(type);
    this.emit({ op: 'copy', dst, src });
    return v(dst);
  }

  /** Assigns to an existing value (a `let mut` being reassigned). */
  assign(dst: number, src: Operand): this {
    return this.emit({ op: 'copy', dst, src });
  }

  binary(kind: BinaryOp, type: ScalarType, a: Operand, b: Operand): Operand {
    const dst = this.value(type);
    this.emit({ op: 'binary', kind, dst, a, b });
    return v(dst);
  }

  checked(kind: CheckedOp, type: ScalarType, a: Operand, b: Operand): { result: Operand; overflow: Operand } {
    const dst = this.value(type);
    const overflow = this.value('bool');
    this.emit({ op: 'checked', kind, dst, overflow, a, b });
    return { result: v(dst), overflow: v(overflow) };
  }

  compare(kind: CompareOp, a: Operand, b: Operand): Operand {
    const dst = this.value('bool');
    this.emit({ op: 'compare', kind, dst, a, b });
    return v(dst);
  }

  unary(kind: UnaryOp, type: ScalarType, a: Operand): Operand {
    const dst = this.value(type);
    this.emit({ op: 'unary', kind, dst, a });
    return v(dst);
  }

  cast(type: ScalarType, src: Operand): Operand {
    const dst = this.value(type);
    this.emit({ op: 'cast', dst, src });
    return v(dst);
  }

  load(type: ScalarType, addr: Operand, volatile = false): Operand {
    const dst = this.value(type);
    this.emit({ op: 'load', dst, addr, volatile });
    return v(dst);
  }

  store(addr: Operand, value: Operand, volatile = false): this {
    return this.emit({ op: 'store', addr, value, volatile });
  }

  slotAddr(slot: number): Operand {
    const dst = this.value('ptr');
    this.emit({ op: 'slotAddr', dst, slot });
    return v(dst);
  }

  staticAddr(symbol: string): Operand {
    const dst = this.value('ptr');
    this.emit({ op: 'staticAddr', dst, symbol });
    return v(dst);
  }

  ptrAdd(base: Operand, offset: number, index?: Operand, scale?: number): Operand {
    const dst = this.value('ptr');
    this.emit({ op: 'ptrAdd', dst, base, offset, ...(index && { index, scale: scale ?? 1 }) });
    return v(dst);
  }

  call(callee: string, args: Operand[], ret: ScalarType): Operand | undefined {
    if (ret === 'unit' || ret === 'never') {
      this.emit({ op: 'call', callee, args });
      return undefined;
    }
    const dst = this.value(ret);
    this.emit({ op: 'call', dst, callee, args });
    return v(dst);
  }

  /** A call through a function pointer with the given signature. */
  callIndirect(callee: Operand, params: ScalarType[], ret: ScalarType, args: Operand[]): Operand | undefined {
    if (ret === 'unit' || ret === 'never') {
      this.emit({ op: 'callIndirect', callee, params, ret, args });
      return undefined;
    }
    const dst = this.value(ret);
    this.emit({ op: 'callIndirect', dst, callee, params, ret, args });
    return v(dst);
  }

  build(): Func {
    return { name: this.name, global: this.global, params: this.params, ret: this.ret, values: this.values, slots: this.slots, blocks: this.blocks };
  }
}
