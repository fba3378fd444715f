// Test helper: THIR built by hand (until type checking produces it from source) — types, typed
// expressions, patterns and functions with little ceremony, and a runner that lowers a crate
// and calls a function in the IR interpreter.
import { Interpreter, Panic } from '../ir/interpret.ts';
import type { Module } from '../ir/types.ts';
import { SourceMap } from '../span/source-map.ts';
import type { Span } from '../span/span.ts';
import type { BuiltinOp } from '../thir/builtins.ts';
import type { AdtDef, CrateDef, FnDef, LocalDef, StaticDef } from '../thir/defs.ts';
import type { BinaryOp, Block, ConstValue, Expr, Pat, Stmt } from '../thir/thir.ts';
import type { IntTy, IterShape, Ty } from '../thir/ty.ts';
import { lowerCrate } from './index.ts';

export const SM = new SourceMap();
const FILE = SM.addFile('src/main.rs', 'line one\n    let x = a + b;\nline three\n');
/** A span at src/main.rs:2:13 (the `a + b`). */
export const SP: Span = { lo: FILE.start + 21, hi: FILE.start + 26 };

export const T = {
  i: (i: IntTy): Ty => ({ kind: 'int', int: i }),
  bool: { kind: 'bool' } as Ty,
  char: { kind: 'char' } as Ty,
  unit: { kind: 'tuple', elems: [] } as Ty,
  never: { kind: 'never' } as Ty,
  str: { kind: 'str' } as Ty,
  tuple: (...elems: Ty[]): Ty => ({ kind: 'tuple', elems }),
  array: (elem: Ty, len: number): Ty => ({ kind: 'array', elem, len }),
  slice: (elem: Ty): Ty => ({ kind: 'slice', elem }),
  ref: (to: Ty, mut = false): Ty => ({ kind: 'ref', mut, to }),
  ptr: (to: Ty, mut = false): Ty => ({ kind: 'ptr', mut, to }),
  adt: (def: AdtDef): Ty => ({ kind: 'adt', def }),
  iter: (shape: IterShape): Ty => ({ kind: 'iter', shape }),
  range: (elem: Ty, inclusive = false): Ty => ({ kind: 'iter', shape: { kind: 'range', elem, inclusive } }),
};

type DistOmit<U> = U extends unknown ? Omit<U, 'ty' | 'span'> : never;
const mk = (ty: Ty, x: DistOmit<Expr>): Expr => ({ ty, span: SP, ...x } as Expr);

export const E = {
  int: (ty: Ty, value: bigint | number): Expr => mk(ty, { kind: 'lit', value: { kind: 'scalar', value: BigInt(value) } }),
  bool: (b: boolean): Expr => mk(T.bool, { kind: 'lit', value: { kind: 'scalar', value: b ? 1n : 0n } }),
  char: (ch: string): Expr => mk(T.char, { kind: 'lit', value: { kind: 'scalar', value: BigInt(ch.codePointAt(0)!) } }),
  str: (s: string): Expr => { const bytes = new TextEncoder().encode(s); return mk(T.ref(T.str), { kind: 'lit', value: { kind: 'ref', to: { kind: 'bytes', bytes }, len: bytes.length } }); },
  lit: (ty: Ty, value: ConstValue): Expr => mk(ty, { kind: 'lit', value }),
  local: (l: LocalDef): Expr => mk(l.ty, { kind: 'local', local: l.id }),
  bin: (op: BinaryOp, lhs: Expr, rhs: Expr): Expr => mk(['eq', 'ne', 'lt', 'le', 'gt', 'ge'].includes(op) ? T.bool : lhs.ty, { kind: 'binary', op, lhs, rhs }),
  and: (lhs: Expr, rhs: Expr): Expr => mk(T.bool, { kind: 'logical', op: 'and', lhs, rhs }),
  or: (lhs: Expr, rhs: Expr): Expr => mk(T.bool, { kind: 'logical', op: 'or', lhs, rhs }),
  neg: (x: Expr): Expr => mk(x.ty, { kind: 'unary', op: 'neg', operand: x }),
  not: (x: Expr): Expr => mk(x.ty, { kind: 'unary', op: 'not', operand: x }),
  cast: (x: Expr, ty: Ty): Expr => mk(ty, { kind: 'cast', operand: x }),
  assign: (place: Expr, value: Expr): Expr => mk(T.unit, { kind: 'assign', place, value }),
  assignOp: (op: BinaryOp, place: Expr, value: Expr): Expr => mk(T.unit, { kind: 'assignOp', op, place, value }),
  ref: (place: Expr, mut = false): Expr => mk(T.ref(place.ty, mut), { kind: 'addrOf', mut, raw: false, place }),
  raw: (place: Expr, mut = false): Expr => mk(T.ptr(place.ty, mut), { kind: 'addrOf', mut, raw: true, place }),
  deref: (x: Expr): Expr => mk((x.ty as { to: Ty }).to, { kind: 'deref', operand: x }),
  field: (base: Expr, index: number): Expr => {
    const t = base.ty;
    const ty = t.kind === 'tuple' ? t.elems[index]! : (t as { def: AdtDef }).def.fields[index]!.ty;
    return mk(ty, { kind: 'field', base, index });
  },
  index: (base: Expr, index: Expr): Expr => mk((base.ty as { elem: Ty }).elem, { kind: 'index', base, index }),
  slice: (base: Expr, lo?: Expr, hi?: Expr, inclusive = false): Expr => mk(base.ty.kind === 'str' ? T.str : T.slice((base.ty as { elem: Ty }).elem), { kind: 'rangeIndex', base, ...(lo && { lo }), ...(hi && { hi }), inclusive }),
  unsize: (x: Expr): Expr => { const t = x.ty as { kind: 'ref'; mut: boolean; to: { elem: Ty } }; return mk(T.ref(T.slice(t.to.elem), t.mut), { kind: 'coerce', coercion: 'unsize', operand: x }); },
  coerce: (x: Expr, coercion: 'mutToConst' | 'refToPtr' | 'neverToAny', ty: Ty): Expr => mk(ty, { kind: 'coerce', coercion, operand: x }),
  call: (callee: FnDef, ...args: Expr[]): Expr => mk(callee.ret, { kind: 'call', callee, args }),
  builtin: (op: BuiltinOp, ty: Ty, args: Expr[], typeArg?: Ty): Expr => mk(ty, { kind: 'builtin', op, args, ...(typeArg && { typeArg }) }),
  block: (stmts: Stmt[], tail?: Expr, ty?: Ty): Expr => { const block = B(stmts, tail, ty); return mk(block.ty, { kind: 'block', block }); },
  if: (cond: Expr, then: Expr, els?: Expr): Expr => mk(els ? (then.ty.kind === 'never' ? els.ty : then.ty) : T.unit, { kind: 'if', cond, then, ...(els && { else: els }) }),
  loop: (loop: number, body: Block, ty: Ty = T.never): Expr => mk(ty, { kind: 'loop', loop, body }),
  while: (loop: number, cond: Expr, body: Block): Expr => E.loop(loop, B([], E.if(cond, mk(T.unit, { kind: 'block', block: body }), E.break(loop))), T.unit),
  for: (loop: number, pat: Pat, iter: Expr, body: Block): Expr => mk(T.unit, { kind: 'for', loop, pat, iter, body }),
  match: (scrutinee: Expr, arms: { pat: Pat; guard?: Expr; body: Expr }[], ty: Ty): Expr => mk(ty, { kind: 'match', scrutinee, arms: arms.map((a) => ({ ...a, span: SP })) }),
  break: (loop: number, value?: Expr): Expr => mk(T.never, { kind: 'break', loop, ...(value && { value }) }),
  continue: (loop: number): Expr => mk(T.never, { kind: 'continue', loop }),
  return: (value?: Expr): Expr => mk(T.never, { kind: 'return', ...(value && { value }) }),
  tuple: (...elems: Expr[]): Expr => mk(T.tuple(...elems.map((e) => e.ty)), { kind: 'tuple', elems }),
  array: (elem: Ty, ...elems: Expr[]): Expr => mk(T.array(elem, elems.length), { kind: 'array', elems }),
  repeat: (elem: Expr, count: number): Expr => mk(T.array(elem.ty, count), { kind: 'repeat', elem, count }),
  struct: (adt: AdtDef, ...fields: Expr[]): Expr => mk(T.adt(adt), { kind: 'struct', adt, fields }),
  variant: (adt: AdtDef, index: number): Expr => mk(T.adt(adt), { kind: 'variant', adt, index }),
  range: (lo: Expr, hi: Expr, inclusive = false): Expr => mk(T.range(lo.ty, inclusive), { kind: 'range', lo, hi, inclusive }),
  panic: (message: string): Expr => mk(T.never, { kind: 'panic', message }),
  static: (def: StaticDef): Expr => mk(def.ty, { kind: 'static', def }),
};

export const S = {
  let: (pat: Pat, init?: Expr, els?: Block): Stmt => ({ kind: 'let', pat, ...(init && { init }), ...(els && { else: els }), span: SP }),
  expr: (expr: Expr): Stmt => ({ kind: 'expr', expr, span: SP }),
};

export function B(stmts: Stmt[], tail?: Expr, ty?: Ty): Block {
  const diverges = stmts.some((s) => s.kind === 'expr' && s.expr.ty.kind === 'never');
  return { stmts, ...(tail && { tail }), unsafe: false, ty: ty ?? tail?.ty ?? (diverges ? T.never : T.unit), span: SP };
}

export const P = {
  wild: (ty: Ty): Pat => ({ kind: 'wild', ty, span: SP }),
  bind: (l: LocalDef, mode: 'value' | 'ref' | 'refMut' = 'value', sub?: Pat): Pat => ({ kind: 'binding', local: l.id, mode, ...(sub && { sub }), ty: mode === 'value' ? l.ty : (l.ty as { to: Ty }).to, span: SP }),
  int: (ty: Ty, value: bigint | number): Pat => ({ kind: 'const', value: { kind: 'scalar', value: BigInt(value) }, ty, span: SP }),
  const: (ty: Ty, value: ConstValue): Pat => ({ kind: 'const', value, ty, span: SP }),
  range: (ty: Ty, lo: bigint | number, hi: bigint | number, inclusive = true): Pat => ({ kind: 'range', lo: { kind: 'scalar', value: BigInt(lo) }, hi: { kind: 'scalar', value: BigInt(hi) }, inclusive, ty, span: SP }),
  variant: (adt: AdtDef, index: number): Pat => ({ kind: 'variant', adt, index, ty: T.adt(adt), span: SP }),
  tuple: (ty: Ty, ...elems: Pat[]): Pat => ({ kind: 'tuple', elems, ty, span: SP }),
  struct: (adt: AdtDef, fields: { index: number; pat: Pat }[]): Pat => ({ kind: 'struct', adt, fields, ty: T.adt(adt), span: SP }),
  deref: (ty: Ty, pat: Pat): Pat => ({ kind: 'deref', pat, ty, span: SP }),
  or: (ty: Ty, ...alts: Pat[]): Pat => ({ kind: 'or', alts, ty, span: SP }),
};

/** Builds one function body: declare locals, then give params and the block. */
export class Body {
  readonly locals: LocalDef[] = [];
  loops = 0;
  local(name: string, ty: Ty, mut = true): LocalDef {
    const l: LocalDef = { id: this.locals.length, name, ty, mut, span: SP };
    this.locals.push(l);
    return l;
  }
  loop(): number { return this.loops++; }
}

export function fn(name: string, params: LocalDef[], ret: Ty, body: Body, block: Block, extra: Partial<FnDef> = {}): FnDef {
  return {
    kind: 'fn', crate: 't', path: [name], span: SP, name, symbol: name,
    params: params.map((p) => ({ name: p.name, ty: p.ty })), ret,
    unsafe: false, abi: 'Rust', foreign: false, noMangle: true, exported: true, panicHandler: false, constFn: false,
    body: { params: params.map((p) => P.bind(p)), locals: body.locals, block, loopCount: body.loops },
    ...extra,
  };
}

export function struct(name: string, fields: [string, Ty][], repr: 'Rust' | 'C' = 'Rust'): AdtDef {
  return { kind: 'adt', crate: 't', path: [name], span: SP, name, adtKind: 'struct', structKind: 'named', repr, derives: ['Clone', 'Copy'], fields: fields.map(([n, ty]) => ({ name: n, ty, pub: true, span: SP })), variants: [], methods: new Map(), assocConsts: new Map() };
}

export function enumDef(name: string, variants: [string, bigint][], repr: AdtDef['repr'] = 'Rust'): AdtDef {
  return { kind: 'adt', crate: 't', path: [name], span: SP, name, adtKind: 'enum', repr, derives: ['Clone', 'Copy', 'PartialEq'], fields: [], variants: variants.map(([n, discr]) => ({ name: n, discr, span: SP })), methods: new Map(), assocConsts: new Map() };
}

export function crateOf(fns: FnDef[], statics: StaticDef[] = []): CrateDef {
  const root = { kind: 'mod' as const, crate: 't', path: [], span: SP, name: 't', types: new Map(), values: new Map() };
  return { name: 't', root, fns, adts: [], statics, consts: [], primitiveMethods: new Map(), primitiveConsts: new Map() };
}

export function lowerForTest(fns: FnDef[], release = false, statics: StaticDef[] = []): Module {
  return lowerCrate(crateOf(fns, statics), { release, panicSymbol: 'panic_entry', sourceMap: SM });
}

export type Outcome = { value: bigint } | { panic: string; at: string };

/** Lowers and runs `name(args)` in the IR interpreter (both builds when asked), returning its result or panic. */
export function run(fns: FnDef[], name: string, args: bigint[] = [], release = false, statics: StaticDef[] = []): Outcome {
  const m = lowerForTest(fns, release, statics);
  const it: Interpreter = new Interpreter(m, { externs: memExterns(() => it) });
  try {
    return { value: it.call(name, args) };
  } catch (e) {
    if (e instanceof Panic) return { panic: e.panicMessage, at: `${e.file}:${e.line}:${e.col}` };
    throw e;
  }
}

/** memcpy/memmove/memset for the interpreter, over the running interpreter's memory. */
export function memExterns(mem: () => Interpreter, panicSymbol = 'panic_entry'): Record<string, (args: bigint[]) => bigint> {
  const text = (p: bigint, n: bigint) => new TextDecoder().decode(Uint8Array.from({ length: Number(n) }, (_, i) => Number(mem().read(p + BigInt(i), 8))));
  return {
    // The panic entry (msg_ptr, msg_len, &Location) as the interpreter's own panic terminator reports it.
    [panicSymbol]: ([m, n, loc]) => {
      throw new Panic(text(m!, n!), text(mem().read(loc!, 64), mem().read(loc! + 8n, 64)), Number(mem().read(loc! + 16n, 32)), Number(mem().read(loc! + 20n, 32)));
    },
    memcpy: ([d, s, n]) => { for (let i = 0n; i < n!; i++) mem().write(d! + i, 8, mem().read(s! + i, 8)); return d!; },
    memmove: ([d, s, n]) => { const bytes = []; for (let i = 0n; i < n!; i++) bytes.push(mem().read(s! + i, 8)); bytes.forEach((b, i) => mem().write(d! + BigInt(i), 8, b)); return d!; },
    memset: ([d, c, n]) => { for (let i = 0n; i < n!; i++) mem().write(d! + i, 8, c! & 0xffn); return d!; },
  };
}

/** Runs in both builds and checks they agree; returns the outcome. */
export function runBoth(fns: FnDef[], name: string, args: bigint[] = [], statics: StaticDef[] = []): Outcome {
  const d = run(fns, name, args, false, statics);
  const r = run(fns, name, args, true, statics);
  if (!('panic' in d) && JSON.stringify(String((d as { value: bigint }).value)) !== JSON.stringify(String((r as { value?: bigint }).value))) throw new Error(`debug ${JSON.stringify(String((d as { value: bigint }).value))} vs release ${JSON.stringify(r, (_k, x) => (typeof x === 'bigint' ? String(x) : x))}`);
  return d;
}
