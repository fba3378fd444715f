// State shared by name resolution and type checking of one crate.
import type * as ast from '../ast/ast.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { DiagBuilder, DiagnosticSink } from '../diagnostics/diagnostic.ts';
import type { SourceMap } from '../span/source-map.ts';
import type { Span } from '../span/span.ts';
import type { AdtDef, ConstDef, CrateDef, FnDef, StaticDef } from '../thir/defs.ts';
import type { Ty } from '../thir/ty.ts';
import type { ModScope } from './scope.ts';

export interface AnalyzeOptions {
  crateName: string;
  crateType: 'bin' | 'lib';
  externs: readonly CrateDef[];
  sourceMap: SourceMap;
  /**
   * Source of an out-of-line module (`mod foo;`), given the path rustc would look at
   * (`src/foo.rs`, then `src/foo/mod.rs`), or undefined when there is no such file.
   */
  loadModule?: (path: string) => string | undefined;
  edition?: '2015' | '2018' | '2021' | '2024';
}

export interface FnItem {
  def: FnDef;
  sig: ast.FnSig;
  generics?: ast.Generics;
  body?: ast.Block;
  scope: ModScope;
  /** `Self` inside an impl block. */
  implSelf?: Ty;
  span: Span;
}

/** The item from its first keyword to its end (rustc's span for whole-item labels, without attributes). */
export function withoutAttrs(item: ast.Item): Span {
  let lo = item.span.lo;
  for (const a of item.attrs) if (!a.inner) lo = Math.max(lo, a.span.hi);
  return { lo, hi: item.span.hi };
}

export interface ImplItem {
  item: ast.Item & { kind: 'impl' };
  scope: ModScope;
}

export interface UseItem {
  tree: ast.UseTree;
  scope: ModScope;
  pub: boolean;
}

export interface StaticItem {
  def: StaticDef;
  tyAst: ast.Type;
  expr?: ast.Expr;
  scope: ModScope;
  /** Where the item starts (after its attributes): E0080 "undefined behavior" points from here. */
  itemLo?: number;
}

export interface ConstItem {
  /** Where the item starts (after its attributes). */
  itemLo?: number;
  def: ConstDef;
  tyAst: ast.Type;
  expr?: ast.Expr;
  scope: ModScope;
  implSelf?: Ty;
}

export interface AdtItem {
  def: AdtDef;
  item: ast.Item & ({ kind: 'struct' } | { kind: 'enum' });
  scope: ModScope;
}

export class Cx {
  readonly sink = new DiagnosticSink();
  readonly fnItems: FnItem[] = [];
  readonly impls: ImplItem[] = [];
  readonly uses: UseItem[] = [];
  readonly statics: StaticItem[] = [];
  readonly consts: ConstItem[] = [];
  readonly adts: AdtItem[] = [];
  /** Block scopes for blocks that declare items (fn bodies), by AST block. */
  readonly blockScopes = new Map<ast.Block, ModScope>();
  /** Const items by definition, for on-demand evaluation (array lengths, patterns). */
  readonly constItems = new Map<ConstDef, ConstItem>();
  readonly staticItems = new Map<StaticDef, StaticItem>();
  /** Method names of refused traits and trait impls: calls to them are not "method not found". */
  readonly refusedMethods = new Set<string>();
  /** The module each of this crate's ADTs is declared in (field privacy). */
  readonly adtScopes = new Map<AdtDef, ModScope>();
  root!: ModScope;
  /** `#![no_std]` or `#![no_core]`: std's macros and prelude are not there. */
  noStd = false;
  /** `#![no_core]`: the crate is our core. */
  noCore = false;
  /** Errors of rustc's privacy pass (E0451), reported only if type checking found nothing else. */
  readonly latePrivacy: DiagBuilder[] = [];
  /** Methods and associated functions: their visibility, module and header (E0624). */
  readonly assocFns = new Map<FnDef, { pub: boolean; scope: ModScope; header: Span; impl?: object }>();
  /** Spans of each function's parameters (`b: u8`), for "function defined here" notes. */
  readonly paramSpans = new Map<FnDef, Span[]>();
  /** Names enabled by `#![feature(…)]` in the crate root. */
  features = new Set<string>();
  /** Evaluates an array length expression (installed by typeck, which owns constant evaluation). */
  evalArrayLen: (e: ast.Expr, scope: ModScope, selfRes?: import('./scope.ts').Res, outer?: { lookupLocal(name: string): number | undefined }) => number | undefined = () => undefined;
  /** The type of a const item, lowered on first need (a signature may use a const declared later). */
  constTy: (def: ConstDef) => import('../thir/ty.ts').Ty = (def) => def.ty;
  /** The body of a function, type-checked now if it was not yet (const fns called in constants). */
  fnBody: (def: FnDef) => import('../thir/defs.ts').FnBody | undefined = (def) => def.body;
  /** The value of a const item, evaluated on first use (installed by typeck). */
  constValue: (def: ConstDef) => import('../thir/thir.ts').ConstValue | undefined = () => undefined;
  crate!: CrateDef;

  constructor(readonly opts: AnalyzeOptions) {}

  get crateName(): string {
    return this.opts.crateName;
  }

  emit(d: DiagBuilder | Diagnostic): void {
    this.sink.emit(d);
  }

  extern(name: string): CrateDef | undefined {
    if (name === 'compiler_builtins') return undefined;
    return this.opts.externs.find((c) => c.name === name);
  }

  snippet(s: Span): string {
    try {
      return this.opts.sourceMap.snippet(s);
    } catch {
      return '';
    }
  }

  /** "Bootlab's compiler does not support X yet", on the construct's span. */
  unsupported(what: string, span: Span): void {
    this.emit(new DiagBuilder('error', `Bootlab's compiler does not support ${what} yet`).primary(span));
  }
}
