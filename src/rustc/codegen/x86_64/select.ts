// Instruction selection: each IR instruction becomes a short, fixed x86-64 sequence that loads
// its operands into scratch registers (rax, rcx, rdx, rsi, r8-r11: caller-saved, never allocated),
// computes, brings the result back to canonical form and stores it to the destination's
// location. With every value on the stack (debug) this is obviously correct; with values in
// callee-saved registers (release) the same sequences are just shorter in effect.
import { bitsOf, isSigned, type Block, type Func, type Inst, type Operand, type ScalarType, type Terminator } from '../../ir/types.ts';
import { Emitter, imm, mem, reg } from './emitter.ts';
import type { Frame, Location } from './frame.ts';
import type { MemOperand, Operand as X86Operand } from '../../../x86/types.ts';

export interface PanicSite { readonly message: string; readonly file: string; readonly line: number; readonly col: number }

export type AddressValue = { readonly slot: number; readonly offset: number } | { readonly base: number; readonly offset: number };

export interface SelectContext {
  readonly func: Func;
  readonly frame: Frame;
  readonly emitter: Emitter;
  readonly panicSymbol: string;
  /** Registers the data for a panic site and returns the symbols of its message and Location. */
  readonly panicData: (site: PanicSite) => { message: string; location: string };
  readonly callTypes: (callee: string) => { params: ScalarType[]; ret: ScalarType };
  /** Release: fuse a block's final comparison into its branch (needs `useCount`). */
  readonly fuseBranches: boolean;
  /** How many times a value is read in the function. */
  readonly useCount: (id: number) => number;
  /**
   * Release: pointers that are a fixed address plus a constant, defined once — a stack slot's
   * address (`slotAddr`, and ptrAdd of it by constants) or another single-definition pointer
   * plus a constant (a struct field's address). They are never materialised: a load or store
   * through one names [rbp + offset] or [base + offset], any other use re-computes it with a
   * lea (as cheap as the move it replaces). The allocator keeps the base alive to those uses.
   */
  readonly addressValues?: ReadonlyMap<number, AddressValue>;
}

const ARG_REGS = ['rdi', 'rsi', 'rdx', 'rcx', 'r8', 'r9'];
const R32: Record<string, string> = { rax: 'eax', rcx: 'ecx', rdx: 'edx', rsi: 'esi', rdi: 'edi', r8: 'r8d', r9: 'r9d', r10: 'r10d', r11: 'r11d', rbx: 'ebx', r12: 'r12d', r13: 'r13d', r14: 'r14d', r15: 'r15d' };
const R16: Record<string, string> = { rax: 'ax', rcx: 'cx', rdx: 'dx', rsi: 'si', rdi: 'di', r8: 'r8w', r9: 'r9w', r10: 'r10w', r11: 'r11w', rbx: 'bx', r12: 'r12w', r13: 'r13w', r14: 'r14w', r15: 'r15w' };
const R8: Record<string, string> = { rax: 'al', rcx: 'cl', rdx: 'dl', rsi: 'sil', rdi: 'dil', r8: 'r8b', r9: 'r9b', r10: 'r10b', r11: 'r11b', rbx: 'bl', r12: 'r12b', r13: 'r13b', r14: 'r14b', r15: 'r15b' };
const sub = (r: string, bytes: number) => (bytes === 8 ? r : bytes === 4 ? R32[r]! : bytes === 2 ? R16[r]! : R8[r]!);

/** Where each argument goes: registers (a 128-bit one in a pair) or, by index, the stack. */
export function classify(types: readonly ScalarType[]): { registers: { index: number; reg: string; hi?: string }[]; stack: number[] } {
  const registers: { index: number; reg: string; hi?: string }[] = [];
  const stack: number[] = [];
  let n = 0;
  types.forEach((t, index) => {
    const bits = bitsOf(t);
    if (bits === 0) return;
    if (bits === 128) {
      if (n + 2 > ARG_REGS.length) throw new Error('codegen: 128-bit argument on the stack');
      registers.push({ index, reg: ARG_REGS[n]!, hi: ARG_REGS[n + 1]! });
      n += 2;
    } else if (n < ARG_REGS.length) registers.push({ index, reg: ARG_REGS[n++]! });
    else stack.push(index);
  });
  return { registers, stack };
}

const fitsI32 = (v: bigint) => v >= -(1n << 31n) && v < 1n << 31n;

export class Selector {
  private readonly e: Emitter;
  constructor(private readonly cx: SelectContext) {
    this.e = cx.emitter;
  }

  private typeOf(o: Operand): ScalarType {
    return o.kind === 'const' ? o.type : this.cx.func.values[o.id]!;
  }

  private loc(id: number): Location {
    const l = this.cx.frame.locations[id];
    if (!l) throw new Error(`codegen: v${id} has no location`);
    return l;
  }

  /** Loads a ≤64-bit operand, canonical, into a 64-bit register. */
  load(r: string, o: Operand): void {
    if (o.kind === 'const') {
      const value = BigInt.asIntN(64, o.value);
      if (value === 0n) this.e.ins('xor', reg(R32[r]!), reg(R32[r]!));
      else if (value > 0n && value < 1n << 32n) this.e.ins('mov', reg(R32[r]!), imm(value));
      else this.e.ins('mov', reg(r), imm(value));
      return;
    }
    const at = this.knownAddress(o, r);
    if (at) { this.e.ins('lea', reg(r), at); return; }
    const l = this.loc(o.id);
    if (l.kind === 'reg') { if (l.name !== r) this.e.ins('mov', reg(r), reg(l.name)); }
    else this.e.ins('mov', reg(r), mem('rbp', l.offset));
  }

  /**
   * A ≤64-bit operand as the source of an ALU instruction (`add rax, src`): an immediate when it
   * fits in 32 bits, the register it is allocated to, or its stack slot — no scratch load.
   */
  source(o: Operand): X86Operand {
    if (o.kind === 'const') {
      const value = BigInt.asIntN(64, o.value);
      if (fitsI32(value)) return imm(value);
      this.load('rcx', o);
      return reg('rcx');
    }
    if (this.cx.addressValues?.has(o.id)) { this.load('rcx', o); return reg('rcx'); }
    const l = this.loc(o.id);
    return l.kind === 'reg' ? reg(l.name) : mem('rbp', l.offset, 8);
  }

  /** The register holding a ≤64-bit operand: its own, or `scratch` after loading it there. */
  inRegister(o: Operand, scratch: string): string {
    if (o.kind === 'value' && !this.cx.addressValues?.has(o.id)) {
      const l = this.loc(o.id);
      if (l.kind === 'reg') return l.name;
    }
    this.load(scratch, o);
    return scratch;
  }

  /** A memory operand for the pointer `addr`: [reg] through its register or rcx. */
  address(addr: Operand): MemOperand {
    return this.knownAddress(addr, 'rcx') ?? mem(this.inRegister(addr, 'rcx'), 0);
  }

  /** [rbp + offset] or [base + offset] for an address value (its base loaded into `scratch` if need be). */
  private knownAddress(o: Operand, scratch: string): MemOperand | undefined {
    if (o.kind !== 'value') return undefined;
    const a = this.cx.addressValues?.get(o.id);
    if (!a) return undefined;
    if ('slot' in a) return mem('rbp', this.cx.frame.slotOffsets[a.slot]! + a.offset);
    return mem(this.inRegister({ kind: 'value', id: a.base }, scratch), a.offset);
  }

  /** The rbp offset a pointer operand is known to hold (a slot's address plus a constant), if it is one. */
  private slotOffset(o: Operand): number | undefined {
    if (o.kind !== 'value') return undefined;
    const a = this.cx.addressValues?.get(o.id);
    return a && 'slot' in a ? this.cx.frame.slotOffsets[a.slot]! + a.offset : undefined;
  }

  /** Loads a 128-bit operand into lo, hi. */
  load128(lo: string, hi: string, o: Operand): void {
    if (o.kind === 'const') {
      const u = BigInt.asUintN(128, o.value);
      this.load(lo, { kind: 'const', type: 'u64', value: u & ((1n << 64n) - 1n) });
      this.load(hi, { kind: 'const', type: 'u64', value: u >> 64n });
      return;
    }
    const l = this.loc(o.id) as { kind: 'stack'; offset: number };
    this.e.ins('mov', reg(lo), mem('rbp', l.offset));
    this.e.ins('mov', reg(hi), mem('rbp', l.offset + 8));
  }

  /** Sign- or zero-extends the low part of `r` in place, per `t`. */
  normalize(r: string, t: ScalarType): void {
    const bits = bitsOf(t);
    if (bits >= 64) return;
    if (bits === 32) {
      if (isSigned(t)) this.e.ins('movsxd', reg(r), reg(R32[r]!));
      else this.e.ins('mov', reg(R32[r]!), reg(R32[r]!));
    } else if (t === 'bool') {
      this.e.ins('and', reg(R32[r]!), imm(1));
    } else {
      this.e.ins(isSigned(t) ? 'movsx' : 'movzx', reg(isSigned(t) ? r : R32[r]!), reg(sub(r, bits / 8)));
    }
  }

  /** Stores canonical `r` into the destination value. */
  store(id: number, r: string): void {
    const l = this.loc(id);
    if (l.kind === 'reg') { if (l.name !== r) this.e.ins('mov', reg(l.name), reg(r)); }
    else this.e.ins('mov', mem('rbp', l.offset), reg(r));
  }

  store128(id: number, lo: string, hi: string): void {
    const l = this.loc(id) as { kind: 'stack'; offset: number };
    this.e.ins('mov', mem('rbp', l.offset), reg(lo));
    this.e.ins('mov', mem('rbp', l.offset + 8), reg(hi));
  }

  prologue(): void {
    const { frame, func } = this.cx;
    this.e.ins('push', reg('rbp'));
    this.e.ins('mov', reg('rbp'), reg('rsp'));
    for (const r of frame.saved) this.e.ins('push', reg(r));
    if (frame.size) this.e.ins('sub', reg('rsp'), imm(frame.size));
    const { registers, stack } = classify(func.params);
    for (const { index: id, reg: r, hi } of registers) {
      if (!this.cx.frame.locations[id]) continue;
      if (hi) { this.store128(id, r, hi); continue; }
      this.normalize(r, func.params[id]!);
      this.store(id, r);
    }
    stack.forEach((id, j) => {
      if (!this.cx.frame.locations[id]) return;
      this.e.ins('mov', reg('rax'), mem('rbp', 16 + 8 * j));
      this.normalize('rax', func.params[id]!);
      this.store(id, 'rax');
    });
  }

  private epilogue(): void {
    const saved = this.cx.frame.saved;
    if (saved.length) this.e.ins('lea', reg('rsp'), mem('rbp', -8 * saved.length));
    else this.e.ins('mov', reg('rsp'), reg('rbp'));
    for (const r of [...saved].reverse()) this.e.ins('pop', reg(r));
    this.e.ins('pop', reg('rbp'));
    this.e.ins('ret');
  }

  block(b: Block, label: (l: string) => string): void {
    this.e.label(label(b.label));
    const t = b.terminator;
    // A comparison read only by the branch that ends the block, and maybe by copies of it right
    // after it (`a || b` keeps the bool): cmp + jcc, the copies written with setcc, which leaves
    // the flags alone.
    if (this.cx.fuseBranches && t.op === 'branch' && t.cond.kind === 'value') {
      let k = b.insts.length - 1;
      const cond = t.cond.id;
      while (k >= 0 && b.insts[k]!.op === 'copy' && (b.insts[k] as { src: Operand }).src.kind === 'value' && ((b.insts[k] as { src: { id: number } }).src.id === cond)) k--;
      const cmp = b.insts[k];
      const copies = b.insts.slice(k + 1) as Extract<Inst, { op: 'copy' }>[];
      if (cmp?.op === 'compare' && cmp.dst === cond && this.cx.useCount(cond) === 1 + copies.length && bitsOf(this.typeOf(cmp.a)) <= 64
        && copies.every((c) => c.dst !== cond && ![cmp.a, cmp.b].some((o) => o.kind === 'value' && o.id === c.dst))) {
        for (const i of b.insts.slice(0, k)) this.inst(i);
        const cc = this.compareFlags(cmp.kind, cmp.a, cmp.b);
        for (const c of copies) {
          const l = this.loc(c.dst);
          const r = l.kind === 'reg' ? l.name : 'rax';
          this.e.ins('set' + cc, reg(R8[r]!));
          this.e.ins('movzx', reg(R32[r]!), reg(R8[r]!));
          this.store(c.dst, r);
        }
        this.e.jump('j' + cc, label(t.then));
        this.e.jump('jmp', label(t.else));
        return;
      }
    }
    for (const i of b.insts) this.inst(i);
    this.terminator(t, label);
  }

  inst(i: Inst): void {
    const T = (id: number) => this.cx.func.values[id]!;
    if (i.op === 'copy') {
      if (bitsOf(T(i.dst)) === 128) { this.load128('rax', 'rdx', i.src); this.store128(i.dst, 'rax', 'rdx'); return; }
      if (bitsOf(T(i.dst)) === 0) return;
      const l = this.loc(i.dst);
      if (l.kind === 'reg') return this.load(l.name, i.src); // straight into its register
      this.load('rax', i.src); this.store(i.dst, 'rax'); return;
    }
    switch (i.op) {
      case 'binary': return bitsOf(T(i.dst)) === 128 ? this.binary128(i.kind, T(i.dst), i.dst, i.a, i.b) : this.binary(i.kind, T(i.dst), i.dst, i.a, i.b);
      case 'checked': return bitsOf(T(i.dst)) === 128 ? this.checked128(i.kind, T(i.dst), i.dst, i.overflow, i.a, i.b) : this.checked(i.kind, T(i.dst), i.dst, i.overflow, i.a, i.b);
      case 'compare': return this.compare(i.kind, i.dst, i.a, i.b);
      case 'unary': {
        const t = T(i.dst);
        if (bitsOf(t) === 128) {
          this.load128('rax', 'rdx', i.a);
          if (i.kind === 'not') { this.e.ins('not', reg('rax')); this.e.ins('not', reg('rdx')); }
          else { this.e.ins('neg', reg('rax')); this.e.ins('adc', reg('rdx'), imm(0)); this.e.ins('neg', reg('rdx')); }
          return this.store128(i.dst, 'rax', 'rdx');
        }
        const l = this.loc(i.dst);
        const r = l.kind === 'reg' ? l.name : 'rax';
        this.load(r, i.a);
        if (i.kind === 'neg') this.e.ins('neg', reg(r));
        else if (t === 'bool') this.e.ins('xor', reg(R32[r]!), imm(1));
        else this.e.ins('not', reg(r));
        // not of a canonical value is canonical (the upper bits are copies of the top bit, or
        // zeros for unsigned, which need masking).
        if (i.kind === 'neg' || (i.kind === 'not' && !isSigned(t) && t !== 'bool')) this.normalize(r, t);
        return this.store(i.dst, r);
      }
      case 'cast': return this.cast(T(i.dst), i.dst, i.src);
      case 'load': {
        const t = T(i.dst);
        if (bitsOf(t) === 128) { this.load('rcx', i.addr); this.e.ins('mov', reg('rax'), mem('rcx', 0)); this.e.ins('mov', reg('rdx'), mem('rcx', 8)); return this.store128(i.dst, 'rax', 'rdx'); }
        // Straight into the destination's register when it has one, through the address's
        // register when it has one.
        const at = this.address(i.addr);
        const l = this.loc(i.dst);
        const r = l.kind === 'reg' ? l.name : 'rax';
        const bytes = bitsOf(t) / 8;
        const m = { ...at, size: bytes as 1 | 2 | 4 | 8 };
        if (bytes === 8) this.e.ins('mov', reg(r), m);
        else if (bytes === 4) this.e.ins(isSigned(t) ? 'movsxd' : 'mov', reg(isSigned(t) ? r : R32[r]!), m);
        else this.e.ins(isSigned(t) ? 'movsx' : 'movzx', reg(isSigned(t) ? r : R32[r]!), m);
        return this.store(i.dst, r);
      }
      case 'store': {
        const t = this.typeOf(i.value);
        if (bitsOf(t) === 0) return;
        if (bitsOf(t) === 128) { this.load('rcx', i.addr); this.load128('rax', 'rdx', i.value); this.e.ins('mov', mem('rcx', 0), reg('rax')); this.e.ins('mov', mem('rcx', 8), reg('rdx')); return; }
        const bytes = bitsOf(t) / 8;
        const at = { ...this.address(i.addr), size: bytes as 1 | 2 | 4 | 8 };
        if (i.value.kind === 'const' && fitsI32(BigInt.asIntN(bytes * 8, i.value.value))) return this.e.ins('mov', at, imm(BigInt.asIntN(bytes * 8, i.value.value)));
        const r = this.inRegister(i.value, 'rax');
        return this.e.ins('mov', at, reg(sub(r, bytes)));
      }
      case 'slotAddr': {
        if (this.cx.addressValues?.has(i.dst)) return;
        const l = this.loc(i.dst);
        const r = l.kind === 'reg' ? l.name : 'rax';
        this.e.ins('lea', reg(r), mem('rbp', this.cx.frame.slotOffsets[i.slot]!));
        return this.store(i.dst, r);
      }
      case 'staticAddr': {
        const l = this.loc(i.dst);
        const r = l.kind === 'reg' ? l.name : 'rax';
        this.e.leaSymbol(r, i.symbol);
        return this.store(i.dst, r);
      }
      case 'ptrAdd': {
        if (this.cx.addressValues?.has(i.dst)) return;
        const l = this.loc(i.dst);
        const r = l.kind === 'reg' ? l.name : 'rax';
        let scale = i.index ? i.scale ?? 1 : 0;
        const offset = BigInt(i.offset ?? 0);
        let index = i.index;
        // Scales lea cannot take (16 for a 16-byte struct): the index times the rest first.
        if (index && index.kind === 'value' && scale > 8 && fitsI32(BigInt(scale)) && fitsI32(offset)) {
          const lea = [8, 4, 2, 1].find((s) => scale % s === 0)!;
          const factor = scale / lea;
          this.load('rcx', index);
          if ((factor & (factor - 1)) === 0) this.e.ins('shl', reg('rcx'), imm(Math.log2(factor)));
          else this.e.ins('imul', reg('rcx'), reg('rcx'), imm(factor));
          index = { kind: 'value', id: -1 };
          scale = lea;
        }
        const indexReg = (o: Operand) => (o.kind === 'value' && o.id === -1 ? 'rcx' : this.inRegister(o, 'rcx'));
        if (index && (scale === 1 || scale === 2 || scale === 4 || scale === 8) && fitsI32(offset)) {
          // One lea: [base + index * scale + offset], a constant index folded into the offset.
          const disp = index.kind === 'const' ? offset + BigInt.asIntN(64, index.value) * BigInt(scale) : offset;
          const slot = this.slotOffset(i.base);
          if (slot !== undefined && fitsI32(disp + BigInt(slot))) {
            const m: MemOperand = index.kind === 'const'
              ? { kind: 'mem', base: reg('rbp').reg, scale: 1, disp: disp + BigInt(slot) }
              : { kind: 'mem', base: reg('rbp').reg, index: reg(indexReg(index)).reg, scale: scale as 1 | 2 | 4 | 8, disp: disp + BigInt(slot) };
            this.e.ins('lea', reg(r), m);
            return this.store(i.dst, r);
          }
          if (fitsI32(disp)) {
            const base = this.inRegister(i.base, 'rax');
            if (index.kind === 'const') this.e.ins('lea', reg(r), { kind: 'mem', base: reg(base).reg, scale: 1, disp });
            else this.e.ins('lea', reg(r), { kind: 'mem', base: reg(base).reg, index: reg(indexReg(index)).reg, scale: scale as 1 | 2 | 4 | 8, disp });
            return this.store(i.dst, r);
          }
        }
        if (index && index !== i.index) {
          // Not reached: the pre-scaled index always fits one of the lea forms above.
          throw new Error('codegen: pre-scaled index without a lea form');
        }
        if (!i.index && fitsI32(offset)) {
          const base = this.inRegister(i.base, 'rax');
          if (offset === 0n) { if (base !== r) this.e.ins('mov', reg(r), reg(base)); }
          else this.e.ins('lea', reg(r), mem(base, offset));
          return this.store(i.dst, r);
        }
        this.load('rax', i.base);
        if (i.index) {
          this.load('rcx', i.index);
          const big = BigInt(scale);
          if (big !== 1n) {
            if (fitsI32(big)) this.e.ins('imul', reg('rcx'), reg('rcx'), imm(big));
            else { this.e.ins('mov', reg('rdx'), imm(big)); this.e.ins('imul', reg('rcx'), reg('rdx')); }
          }
          this.e.ins('add', reg('rax'), reg('rcx'));
        }
        if (offset !== 0n) {
          if (fitsI32(offset)) this.e.ins('add', reg('rax'), imm(offset));
          else { this.e.ins('mov', reg('rcx'), imm(offset)); this.e.ins('add', reg('rax'), reg('rcx')); }
        }
        return this.store(i.dst, 'rax');
      }
      case 'call': return this.call(i.callee, i.args, i.dst);
      case 'callIndirect': return this.call(i.callee, i.args, i.dst);
      case 'out': {
        const t = this.typeOf(i.value);
        this.load('rdx', i.port);
        this.load('rax', i.value);
        return this.e.ins('out', reg('dx'), reg(sub('rax', bitsOf(t) / 8)));
      }
      case 'in': {
        const bytes = bitsOf(T(i.dst)) / 8;
        this.load('rdx', i.port);
        this.e.ins('in', reg(sub('rax', bytes)), reg('dx'));
        this.normalize('rax', T(i.dst));
        return this.store(i.dst, 'rax');
      }
      case 'hlt': return this.e.ins('hlt');
    }
  }

  /** A direct call (`callee` a symbol) or one through a function pointer (an operand). */
  private call(callee: string | Operand, args: Operand[], dst: number | undefined): void {
    // System V: integer arguments in six registers, the rest pushed right to left, rsp
    // 16-aligned at the call (the verifier refuses 128-bit arguments that would go there).
    const { registers, stack } = classify(args.map((a) => this.typeOf(a)));
    const pad = stack.length % 2 ? 8 : 0;
    if (pad) this.e.ins('sub', reg('rsp'), imm(pad));
    for (const k of [...stack].reverse()) { this.load('rax', args[k]!); this.e.ins('push', reg('rax')); }
    for (const { index, reg: r, hi } of registers) {
      if (hi) this.load128(r, hi, args[index]!);
      else this.load(r, args[index]!);
    }
    if (typeof callee === 'string') this.e.callSymbol(callee);
    else {
      // r11: caller-saved, neither an argument register nor allocated, so loading the target
      // last clobbers nothing the call needs.
      this.load('r11', callee);
      this.e.ins('call', reg('r11'));
    }
    if (stack.length) this.e.ins('add', reg('rsp'), imm(stack.length * 8 + pad));
    if (dst === undefined) return;
    const t = this.cx.func.values[dst]!;
    if (bitsOf(t) === 128) return this.store128(dst, 'rax', 'rdx');
    if (bitsOf(t) === 0) return;
    // The System V ABI leaves the upper bits of narrow return values unspecified.
    this.normalize('rax', t);
    this.store(dst, 'rax');
  }

  private binary(kind: string, t: ScalarType, dst: number, a: Operand, b: Operand): void {
    if (kind === 'add' || kind === 'sub' || kind === 'and' || kind === 'or' || kind === 'xor' || kind === 'mul') {
      // Compute in the destination's register when it has one (and b does not live there).
      const l = this.loc(dst);
      const bReg = b.kind === 'value' ? this.loc(b.id) : undefined;
      const r = l.kind === 'reg' && !(bReg?.kind === 'reg' && bReg.name === l.name) ? l.name : 'rax';
      // x = a + b with a and b in registers (or b a small constant) and x elsewhere: one lea
      // instead of a move and an add (32-bit lea zero-extends, as the add would).
      const aLoc = a.kind === 'value' && !this.cx.addressValues?.has(a.id) ? this.loc(a.id) : undefined;
      const leaKind = kind === 'add' || (kind === 'sub' && b.kind === 'const');
      if (leaKind && bitsOf(t) >= 32 && l.kind === 'reg' && aLoc?.kind === 'reg' && aLoc.name !== l.name) {
        // (a - k is a + -k.)
        const k = b.kind === 'const' ? BigInt.asIntN(64, kind === 'sub' ? -b.value : b.value) : 0n;
        const bSrc = b.kind === 'const' ? (fitsI32(k) ? k : undefined)
          : bReg?.kind === 'reg' && !this.cx.addressValues?.has((b as { id: number }).id) ? bReg.name : undefined;
        if (bSrc !== undefined) {
          const m: MemOperand = typeof bSrc === 'bigint'
            ? { kind: 'mem', base: reg(aLoc.name).reg, scale: 1, disp: bSrc }
            : { kind: 'mem', base: reg(aLoc.name).reg, index: reg(bSrc).reg, scale: 1, disp: 0n };
          const narrow = bitsOf(t) === 32;
          this.e.ins('lea', reg(narrow ? R32[l.name]! : l.name), m);
          if (narrow && isSigned(t)) this.normalize(l.name, t);
          return;
        }
      }
      this.load(r, a);
      const src = this.source(b);
      // 32-bit forms zero-extend their result: an unsigned 32-bit value comes out canonical.
      const narrow = bitsOf(t) === 32 && !isSigned(t) && (src.kind !== 'mem');
      const R = narrow ? R32[r]! : r;
      const S = narrow && src.kind === 'reg' ? reg(R32[src.reg.name] ?? src.reg.name) : src;
      if (kind !== 'mul') this.e.ins(kind, reg(R), S);
      else if (S.kind === 'imm') this.e.ins('imul', reg(R), reg(R), S);
      else this.e.ins('imul', reg(R), S);
      // and/or/xor of canonical values are canonical (the upper bits combine copies of the same
      // sign or zero bits).
      if (!narrow && kind !== 'and' && kind !== 'or' && kind !== 'xor') this.normalize(r, t);
      return this.store(dst, r);
    }
    if ((kind === 'shl' || kind === 'shr') && b.kind === 'const') {
      const l = this.loc(dst);
      const r = l.kind === 'reg' ? l.name : 'rax';
      this.load(r, a);
      const amount = Number(BigInt.asUintN(64, b.value) % BigInt(bitsOf(t)));
      if (amount) this.e.ins(kind === 'shl' ? 'shl' : isSigned(t) ? 'sar' : 'shr', reg(r), imm(amount));
      // A right shift of a canonical value (shr of zero-extended, sar of sign-extended) stays canonical.
      if (kind === 'shl') this.normalize(r, t);
      return this.store(dst, r);
    }
    this.load('rax', a);
    if (kind === 'div' || kind === 'rem') {
      // The divisor from its register or stack slot when it has one. Quotient and remainder
      // of canonical operands are canonical (MIN / -1 never gets here).
      const d = b.kind === 'value' && !this.cx.addressValues?.has(b.id) ? this.loc(b.id) : undefined;
      const divisor = d?.kind === 'reg' ? reg(d.name) : d?.kind === 'stack' ? mem('rbp', d.offset, 8) : (this.load('rcx', b), reg('rcx'));
      if (isSigned(t)) { this.e.ins('cqo'); this.e.ins('idiv', divisor); }
      else { this.e.ins('xor', reg('edx'), reg('edx')); this.e.ins('div', divisor); }
      return this.store(dst, kind === 'rem' ? 'rdx' : 'rax');
    }
    this.load('rcx', b);
    switch (kind) {
      case 'shl': case 'shr':
        this.e.ins('and', reg('ecx'), imm(bitsOf(t) - 1));
        this.e.ins(kind === 'shl' ? 'shl' : isSigned(t) ? 'sar' : 'shr', reg('rax'), reg('cl'));
        break;
    }
    this.normalize('rax', t);
    this.store(dst, 'rax');
  }

  private checked(kind: string, t: ScalarType, dst: number, overflow: number, a: Operand, b: Operand): void {
    this.load('rax', a);
    this.load('rcx', b);
    if (bitsOf(t) === 64) {
      if (kind === 'mul' && !isSigned(t)) this.e.ins('mul', reg('rcx'));
      else this.e.ins(kind === 'mul' ? 'imul' : kind, reg('rax'), reg('rcx'));
      this.e.ins(isSigned(t) || kind === 'mul' ? 'seto' : 'setc', reg('dl'));
    } else {
      // Canonical operands of at most 32 bits: the exact result fits in 64 bits, so overflow
      // is "the result changes when brought back to the type's range".
      this.e.ins(kind === 'mul' ? 'imul' : kind, reg('rax'), reg('rcx'));
      this.e.ins('mov', reg('rcx'), reg('rax'));
      this.normalize('rax', t);
      this.e.ins('cmp', reg('rax'), reg('rcx'));
      this.e.ins('setne', reg('dl'));
    }
    this.e.ins('movzx', reg('edx'), reg('dl'));
    this.store(dst, 'rax');
    this.store(overflow, 'rdx');
  }

  private compare(kind: string, dst: number, a: Operand, b: Operand): void {
    const t = this.typeOf(a);
    const signed = isSigned(t);
    if (bitsOf(t) === 128) {
      if (kind === 'eq' || kind === 'ne') {
        this.load128('rax', 'rdx', a); this.load128('rcx', 'r8', b);
        this.e.ins('xor', reg('rax'), reg('rcx')); this.e.ins('xor', reg('rdx'), reg('r8')); this.e.ins('or', reg('rax'), reg('rdx'));
        this.e.ins(kind === 'eq' ? 'sete' : 'setne', reg('al'));
      } else {
        // a < b from the flags of a - b (sub, sbb); gt/le swap the operands.
        const swap = kind === 'gt' || kind === 'le';
        this.load128('rax', 'rdx', swap ? b : a); this.load128('rcx', 'r8', swap ? a : b);
        this.e.ins('cmp', reg('rax'), reg('rcx')); this.e.ins('sbb', reg('rdx'), reg('r8'));
        const lt = kind === 'lt' || kind === 'gt';
        this.e.ins(signed ? (lt ? 'setl' : 'setge') : (lt ? 'setb' : 'setae'), reg('al'));
      }
    } else {
      this.e.ins('set' + this.compareFlags(kind, a, b), reg('al'));
    }
    this.e.ins('movzx', reg('eax'), reg('al'));
    this.store(dst, 'rax');
  }

  /** Emits `cmp a, b` for ≤64-bit operands; returns the condition code that is true for `kind`. */
  compareFlags(kind: string, a: Operand, b: Operand): string {
    const l = a.kind === 'value' ? this.loc(a.id) : undefined;
    const r = l?.kind === 'reg' ? l.name : 'rax';
    this.load(r, a);
    this.e.ins('cmp', reg(r), this.source(b));
    const cc: Record<string, string> = isSigned(this.typeOf(a))
      ? { eq: 'e', ne: 'ne', lt: 'l', le: 'le', gt: 'g', ge: 'ge' }
      : { eq: 'e', ne: 'ne', lt: 'b', le: 'be', gt: 'a', ge: 'ae' };
    return cc[kind]!;
  }

  private cast(to: ScalarType, dst: number, src: Operand): void {
    const from = this.typeOf(src);
    if (bitsOf(to) === 128) {
      if (bitsOf(from) === 128) this.load128('rax', 'rdx', src);
      else {
        this.load('rax', src);
        if (isSigned(from)) { this.e.ins('mov', reg('rdx'), reg('rax')); this.e.ins('sar', reg('rdx'), imm(63)); }
        else this.e.ins('xor', reg('edx'), reg('edx'));
      }
      return this.store128(dst, 'rax', 'rdx');
    }
    if (bitsOf(from) === 128) { this.load128('rax', 'rdx', src); this.normalize('rax', to); return this.store(dst, 'rax'); }
    const l = this.loc(dst);
    const r = l.kind === 'reg' ? l.name : 'rax';
    this.load(r, src);
    // A canonical value widened without a change of sign interpretation is already canonical
    // in the wider type (u8 → u32, i16 → i64, bool → u8): nothing to extend.
    // (Unsigned to signed must widen strictly: u8 200 as i8 is -56.)
    const widening = from !== 'ptr' && (isSigned(from) === isSigned(to) ? bitsOf(to) >= bitsOf(from) : !isSigned(from) && bitsOf(to) > bitsOf(from));
    if (!widening || bitsOf(to) === 0) this.normalize(r, to);
    this.store(dst, r);
  }

  private binary128(kind: string, t: ScalarType, dst: number, a: Operand, b: Operand): void {
    const signed = isSigned(t);
    if (kind === 'div' || kind === 'rem') {
      this.load128('rdi', 'rsi', a); this.load128('rdx', 'rcx', b);
      this.e.callSymbol(`__${signed ? '' : 'u'}${kind === 'div' ? 'div' : 'mod'}ti3`);
      return this.store128(dst, 'rax', 'rdx');
    }
    if (kind === 'shl' || kind === 'shr') {
      this.load128('rax', 'rdx', a);
      this.load('rcx', b);
      const done = this.e.freshLabel('shift');
      if (kind === 'shl') {
        this.e.ins('shld', reg('rdx'), reg('rax'), reg('cl')); this.e.ins('shl', reg('rax'), reg('cl'));
        this.e.ins('test', reg('cl'), imm(64)); this.e.jump('jz', done);
        this.e.ins('mov', reg('rdx'), reg('rax')); this.e.ins('xor', reg('eax'), reg('eax'));
      } else {
        this.e.ins('shrd', reg('rax'), reg('rdx'), reg('cl')); this.e.ins(signed ? 'sar' : 'shr', reg('rdx'), reg('cl'));
        this.e.ins('test', reg('cl'), imm(64)); this.e.jump('jz', done);
        this.e.ins('mov', reg('rax'), reg('rdx'));
        if (signed) this.e.ins('sar', reg('rdx'), imm(63)); else this.e.ins('xor', reg('edx'), reg('edx'));
      }
      this.e.label(done);
      return this.store128(dst, 'rax', 'rdx');
    }
    this.load128('rax', 'rdx', a);
    this.load128('rcx', 'r8', b);
    switch (kind) {
      case 'add': this.e.ins('add', reg('rax'), reg('rcx')); this.e.ins('adc', reg('rdx'), reg('r8')); break;
      case 'sub': this.e.ins('sub', reg('rax'), reg('rcx')); this.e.ins('sbb', reg('rdx'), reg('r8')); break;
      case 'and': case 'or': case 'xor': this.e.ins(kind, reg('rax'), reg('rcx')); this.e.ins(kind, reg('rdx'), reg('r8')); break;
      case 'mul': this.mul128(); break;
    }
    this.store128(dst, 'rax', 'rdx');
  }

  /** rax:rdx = (rax:rdx) * (rcx:r8), low 128 bits (as LLVM expands a 128-bit multiply). */
  private mul128(): void {
    this.e.ins('mov', reg('rsi'), reg('rdx'));
    this.e.ins('imul', reg('rsi'), reg('rcx'));   // a_hi * b_lo
    this.e.ins('imul', reg('r8'), reg('rax'));    // b_hi * a_lo
    this.e.ins('mul', reg('rcx'));                // rdx:rax = a_lo * b_lo
    this.e.ins('add', reg('rdx'), reg('rsi'));
    this.e.ins('add', reg('rdx'), reg('r8'));
  }

  private checked128(kind: string, t: ScalarType, dst: number, overflow: number, a: Operand, b: Operand): void {
    const signed = isSigned(t);
    if (kind === 'mul' && signed) {
      // As LLVM: __muloti4(a, b, &overflow: i32) from compiler_builtins.
      this.load128('rdi', 'rsi', a); this.load128('rdx', 'rcx', b);
      this.e.ins('lea', reg('r8'), mem('rbp', this.cx.frame.scratch));
      this.e.ins('mov', mem('rbp', this.cx.frame.scratch, 4), imm(0));
      this.e.callSymbol('__muloti4');
      this.store128(dst, 'rax', 'rdx');
      this.e.ins('mov', reg('eax'), mem('rbp', this.cx.frame.scratch, 4));
      this.e.ins('test', reg('eax'), reg('eax'));
      this.e.ins('setnz', reg('al'));
    } else if (kind === 'mul') {
      this.load128('rax', 'rsi', a); this.load128('rcx', 'r8', b);
      // overflow = (a_hi != 0 && b_hi != 0) | carries out of the cross products and their sum
      this.e.ins('test', reg('rsi'), reg('rsi')); this.e.ins('setnz', reg('r9b'));
      this.e.ins('test', reg('r8'), reg('r8')); this.e.ins('setnz', reg('r10b'));
      this.e.ins('and', reg('r9b'), reg('r10b'));
      this.e.ins('mov', reg('r11'), reg('rax'));
      this.e.ins('mov', reg('rax'), reg('rsi')); this.e.ins('mul', reg('rcx'));
      this.e.ins('seto', reg('r10b')); this.e.ins('or', reg('r9b'), reg('r10b'));
      this.e.ins('mov', reg('rsi'), reg('rax'));
      this.e.ins('mov', reg('rax'), reg('r8')); this.e.ins('mul', reg('r11'));
      this.e.ins('seto', reg('r10b')); this.e.ins('or', reg('r9b'), reg('r10b'));
      this.e.ins('add', reg('rsi'), reg('rax')); this.e.ins('setc', reg('r10b')); this.e.ins('or', reg('r9b'), reg('r10b'));
      this.e.ins('mov', reg('rax'), reg('r11')); this.e.ins('mul', reg('rcx'));
      this.e.ins('add', reg('rdx'), reg('rsi')); this.e.ins('setc', reg('r10b')); this.e.ins('or', reg('r9b'), reg('r10b'));
      this.store128(dst, 'rax', 'rdx');
      this.e.ins('mov', reg('eax'), reg('r9d'));
    } else {
      this.load128('rax', 'rdx', a); this.load128('rcx', 'r8', b);
      this.e.ins(kind, reg('rax'), reg('rcx')); this.e.ins(kind === 'add' ? 'adc' : 'sbb', reg('rdx'), reg('r8'));
      this.e.ins(signed ? 'seto' : 'setc', reg('r9b'));
      this.store128(dst, 'rax', 'rdx');
      this.e.ins('mov', reg('eax'), reg('r9d'));
    }
    this.e.ins('movzx', reg('eax'), reg('al'));
    this.store(overflow, 'rax');
  }

  terminator(t: Terminator, label: (l: string) => string): void {
    switch (t.op) {
      case 'goto': return this.e.jump('jmp', label(t.target));
      case 'branch':
        this.load('rax', t.cond);
        this.e.ins('test', reg('al'), reg('al'));
        this.e.jump('jnz', label(t.then));
        return this.e.jump('jmp', label(t.else));
      case 'switch':
        if (bitsOf(this.typeOf(t.value)) === 128) {
          this.load128('rax', 'rdx', t.value);
          for (const c of t.cases) {
            const u = BigInt.asUintN(128, c.value);
            const skip = this.e.freshLabel('case');
            this.load('rcx', { kind: 'const', type: 'u64', value: u & 0xffff_ffff_ffff_ffffn });
            this.e.ins('cmp', reg('rax'), reg('rcx'));
            this.e.jump('jne', skip);
            this.load('rcx', { kind: 'const', type: 'u64', value: u >> 64n });
            this.e.ins('cmp', reg('rdx'), reg('rcx'));
            this.e.jump('je', label(c.target));
            this.e.label(skip);
          }
          return this.e.jump('jmp', label(t.default));
        }
        this.load('rax', t.value);
        for (const c of t.cases) {
          const value = BigInt.asIntN(64, c.value);
          if (fitsI32(value)) this.e.ins('cmp', reg('rax'), imm(value));
          else { this.e.ins('mov', reg('rcx'), imm(value)); this.e.ins('cmp', reg('rax'), reg('rcx')); }
          this.e.jump('je', label(c.target));
        }
        return this.e.jump('jmp', label(t.default));
      case 'return':
        if (t.value) {
          if (bitsOf(this.typeOf(t.value)) === 128) this.load128('rax', 'rdx', t.value);
          else this.load('rax', t.value);
        }
        return this.epilogue();
      case 'unreachable': return this.e.ins('ud2');
      case 'panic': {
        const data = this.cx.panicData(t);
        this.e.leaSymbol('rdi', data.message);
        this.load('rsi', { kind: 'const', type: 'usize', value: BigInt(new TextEncoder().encode(t.message).length) });
        this.e.leaSymbol('rdx', data.location);
        this.e.callSymbol(this.cx.panicSymbol);
        return this.e.ins('ud2');
      }
    }
  }
}
