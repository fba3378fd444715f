// The state of lowering one crate (ModuleCx: statics made so far, functions called from other
// crates) and one function (FnCx: the IR builder, where each local lives, loop targets, the
// return slot). Lowering helpers in the other files take an FnCx and emit into its current block.
import { FuncBuilder } from '../ir/builder.ts';
import { c, v, type ExternFunc, type Operand, type ScalarType, type Static } from '../ir/types.ts';
import type { SourceMap } from '../span/source-map.ts';
import type { Span } from '../span/span.ts';
import type { CrateDef, FnBody, FnDef, StaticDef } from '../thir/defs.ts';
import { fnAbi } from './abi.ts';
import type { Ty } from '../thir/ty.ts';
import { ice } from './errors.ts';
import { danglingAddress, reprOf, type Repr } from './repr.ts';

export interface LowerOptions {
  readonly release: boolean;
  /** The panic entry of core (`fn(&str, &Location) -> !`), called by the IR `panic` terminator. */
  readonly panicSymbol: string;
  /** To turn spans into the `file:line:col` of panic locations (without it: `<unknown>:0:0`). */
  readonly sourceMap?: SourceMap;
}

/** A lowered value: one scalar, a (ptr, len) pair, an aggregate at an address, or nothing. */
export type Val =
  | { readonly k: 's'; readonly o: Operand }
  | { readonly k: 'f'; readonly p: Operand; readonly n: Operand }
  /** `temp`: fresh memory no place refers to, which may be handed over without a copy. */
  | { readonly k: 'm'; readonly a: Operand; readonly temp: boolean }
  | { readonly k: 'z' };

export const ZST: Val = { k: 'z' };

/**
 * Where a value lives or goes: IR values (one per scalar, two for fat pointers), memory at an
 * address (unsized places carry their length), or nowhere (zero-sized).
 */
export type Store =
  | { readonly k: 'vals'; readonly ids: readonly number[] }
  | { readonly k: 'mem'; readonly a: Operand; readonly len?: Operand }
  | { readonly k: 'z' };

export interface LoopTarget { readonly breakLabel: string; readonly continueLabel: string; readonly dest: Store; readonly ty: Ty }

export class ModuleCx {
  readonly statics: Static[] = [];
  readonly externs = new Map<string, ExternFunc>();
  /** Functions lowered here (their symbols need no extern declaration). */
  readonly defined = new Set<string>();
  /** Functions lowering adds on its own (the numbered-panic helper), by name. */
  readonly helpers = new Map<string, import('../ir/types.ts').Func>();
  private readonly literals = new Map<string, string>();
  private anon = 0;

  constructor(readonly crate: CrateDef, readonly options: LowerOptions) {}

  /** A new immutable static holding `bytes` (string data and promoted constants are deduplicated when without relocations). */
  dataStatic(bytes: Uint8Array, align: number, relocs: { offset: number; symbol: string; addend?: number }[] = []): string {
    const key = relocs.length === 0 ? `${align}:${Array.from(bytes).join(',')}` : undefined;
    const known = key !== undefined ? this.literals.get(key) : undefined;
    if (known) return known;
    const name = `alloc.${this.crate.name}.${this.anon++}`;
    this.statics.push({ name, global: false, mutable: false, align, bytes, ...(relocs.length > 0 && { relocs }) });
    if (key !== undefined) this.literals.set(key, name);
    return name;
  }

  declareExtern(name: string, params: ScalarType[], ret: ScalarType): void {
    if (!this.defined.has(name) && !this.externs.has(name)) this.externs.set(name, { name, params, ret });
  }

  /** A symbol of data defined elsewhere (another crate's static): declared so the verifier knows it. */
  declareData(symbol: string): void {
    if (!this.defined.has(symbol) && !this.statics.some((s) => s.name === symbol)) this.declareExtern(symbol, [], 'unit');
  }

  /** A function called or referenced here: declared as an extern unless lowered in this module. */
  declareFn(def: FnDef): void {
    const abi = fnAbi(def);
    this.declareExtern(def.symbol, abi.params, abi.ret);
  }

  declareStatic(def: StaticDef): void {
    if (!this.crate.statics.includes(def)) this.declareData(def.symbol);
  }

  location(span: Span): { file: string; line: number; col: number } {
    const sm = this.options.sourceMap;
    if (!sm) return { file: '<unknown>', line: 0, col: 0 };
    try {
      const f = sm.fileAt(span.lo);
      const lc = f.lineCol(span.lo);
      return { file: f.name, line: lc.line, col: lc.col + 1 };
    } catch {
      return { file: '<unknown>', line: 0, col: 0 };
    }
  }
}

export class FnCx {
  readonly b: FuncBuilder;
  readonly locals: Store[] = [];
  readonly loops = new Map<number, LoopTarget>();
  /** Where the function's result goes (a value, the caller's out-pointer, or nowhere). */
  ret: Store = { k: 'z' };
  private labels = 0;

  constructor(readonly mc: ModuleCx, readonly def: FnDef, readonly body: FnBody, b: FuncBuilder) {
    this.b = b;
  }

  get release(): boolean {
    return this.mc.options.release;
  }

  label(hint: string): string {
    return `${hint}${this.labels++}`;
  }

  /** Creates a block (not current). */
  newBlock(hint: string): string {
    const cur = this.currentLabel;
    const l = this.label(hint);
    this.b.block(l);
    this.b.at(cur);
    return l;
  }

  private currentLabel = 'entry';

  switchTo(label: string): void {
    this.b.at(label);
    this.currentLabel = label;
  }

  /** Ends the current block with `t` and continues in `next` (a fresh, unreachable block if absent). */
  finish(t: Parameters<FuncBuilder['terminate']>[0], next?: string): void {
    this.b.terminate(t);
    this.switchTo(next ?? this.newBlock('dead'));
  }

  goto(target: string, next?: string): void {
    this.finish({ op: 'goto', target }, next);
  }

  branch(cond: Operand, then: string, otherwise: string, next?: string): void {
    this.finish({ op: 'branch', cond, then, else: otherwise }, next);
  }

  /** If `cond` is true, panic with `message` at `span`; continue otherwise. */
  panicIf(cond: Operand, message: string, span: Span): void {
    const fail = this.newBlock('panic');
    const ok = this.newBlock('ok');
    this.branch(cond, fail, ok, fail);
    this.finish({ op: 'panic', message, ...this.mc.location(span) }, ok);
  }

  /** Continue if `cond` holds, else panic (the comparison stays next to its branch for codegen to fuse). */
  assert(cond: Operand, message: string, span: Span): void {
    const fail = this.newBlock('panic');
    const ok = this.newBlock('ok');
    this.branch(cond, ok, fail, fail);
    this.finish({ op: 'panic', message, ...this.mc.location(span) }, ok);
  }

  panic(message: string, span: Span): void {
    this.finish({ op: 'panic', message, ...this.mc.location(span) });
  }

  tempSlot(size: number, align: number): Operand {
    const slot = this.b.slot(`tmp${this.b.slots.length}`, Math.max(size, 0), Math.min(16, Math.max(1, align)));
    return this.b.slotAddr(slot);
  }

  /** Fresh storage for a value of type `ty` (the destination of an `if`, a `match`, a loop's `break`). */
  newStore(ty: Ty): Store {
    const r = reprOf(ty);
    switch (r.kind) {
      case 'scalar': return { k: 'vals', ids: [this.b.value(r.type)] };
      case 'fat': return { k: 'vals', ids: [this.b.value('ptr'), this.b.value('usize')] };
      case 'agg': return { k: 'mem', a: this.tempSlot(r.layout.size, r.layout.align) };
      default: return { k: 'z' };
    }
  }

  /** A value of type `ty` for code after a diverging expression (never executed). */
  undef(ty: Ty): Val {
    const r = reprOf(ty);
    return readStoreRepr(this, this.newStore(ty), r, true);
  }

  dangling(align: number): Operand {
    return c('ptr', danglingAddress(align));
  }
}

export function readStoreRepr(cx: FnCx, s: Store, r: Repr, temp = false): Val {
  switch (s.k) {
    case 'z': return ZST;
    case 'vals': return r.kind === 'fat' ? { k: 'f', p: v(s.ids[0]!), n: v(s.ids[1]!) } : r.kind === 'scalar' ? { k: 's', o: v(s.ids[0]!) } : ice('a value store holding an aggregate');
    case 'mem': return readMem(cx, s.a, r, false, temp);
  }
}

export function readMem(cx: FnCx, a: Operand, r: Repr, volatile = false, temp = false): Val {
  switch (r.kind) {
    case 'scalar': return { k: 's', o: cx.b.load(r.type, a, volatile) };
    case 'fat': return { k: 'f', p: cx.b.load('ptr', a, volatile), n: cx.b.load('usize', cx.b.ptrAdd(a, 8), volatile) };
    case 'agg': return { k: 'm', a, temp };
    default: return ZST;
  }
}
