// The abstract syntax tree of a Rust 2021 crate. Every node carries its span; each family
// (Item, Expr, Pat, Type, Stmt) is a union discriminated by `kind`. Macro invocations and
// attribute arguments are kept as token trees, as rustc keeps them before expansion.
import type { Lit, Token } from '../lexer/token.ts';
import type { Span } from '../span/span.ts';

export interface Ident {
  name: string;
  span: Span;
  raw?: boolean;
}

// ---- token trees (macro bodies and attribute arguments) ----
export type Delim = '(' | '[' | '{';
export interface DelimGroup {
  kind: 'group';
  delim: Delim;
  open: Span;
  close: Span;
  tts: TokenTree[];
}
export type TokenTree = Token | DelimGroup;

export interface MacCall {
  path: Path;
  delim: Delim;
  tts: TokenTree[];
  span: Span;
}

// ---- paths ----
export interface Path {
  span: Span;
  /** Leading `::`. */
  global: boolean;
  segments: PathSegment[];
}
export interface PathSegment {
  ident: Ident;
  args?: GenericArgs;
}
/** `<T as Trait>::` before a path: the type, and how many of the path's segments name the trait. */
export interface QSelf {
  ty: Type;
  position: number;
}
export type GenericArgs =
  | { kind: 'angle'; args: GenericArg[]; span: Span }
  | { kind: 'paren'; inputs: Type[]; output?: Type; span: Span };
export type GenericArg =
  | { kind: 'type'; ty: Type }
  | { kind: 'lifetime'; name: string; span: Span }
  | { kind: 'const'; expr: Expr }
  | { kind: 'binding'; ident: Ident; args?: GenericArgs; ty?: Type; expr?: Expr; bounds?: Bound[] };

// ---- attributes and visibility ----
export interface Attribute {
  span: Span;
  inner: boolean;
  /** `#[path …]`; doc comments have the path `doc`. */
  path: Path;
  /** Tokens after the path: `(…)`, `= value` or nothing. */
  tts: TokenTree[];
  /** Text of a doc comment, when the attribute is one. */
  doc?: string;
  unsafe?: boolean;
}
export type Visibility =
  | { kind: 'inherited' }
  | { kind: 'pub'; span: Span }
  | { kind: 'restricted'; path: Path; in: boolean; span: Span };

// ---- generics ----
export interface Generics {
  params: GenericParam[];
  where: WherePredicate[];
  span: Span;
}
export type GenericParam =
  | { kind: 'lifetime'; name: string; bounds: string[]; attrs: Attribute[]; span: Span }
  | { kind: 'type'; ident: Ident; bounds: Bound[]; default?: Type; attrs: Attribute[]; span: Span }
  | { kind: 'const'; ident: Ident; ty: Type; default?: Expr; attrs: Attribute[]; span: Span };
export type Bound =
  | { kind: 'trait'; path: Path; modifier: '' | '?' | '~const' | 'const' | 'async'; forLifetimes: GenericParam[]; paren: boolean; span: Span }
  | { kind: 'lifetime'; name: string; span: Span }
  | { kind: 'use'; args: string[]; span: Span };
export type WherePredicate =
  | { kind: 'bound'; forLifetimes: GenericParam[]; ty: Type; bounds: Bound[]; span: Span }
  | { kind: 'lifetime'; name: string; bounds: string[]; span: Span };

// ---- types ----
export type Type =
  | { kind: 'path'; qself?: QSelf; path: Path; span: Span }
  | { kind: 'ref'; lifetime?: string; mut: boolean; ty: Type; span: Span }
  | { kind: 'ptr'; mut: boolean; ty: Type; span: Span }
  | { kind: 'array'; ty: Type; len: Expr; span: Span }
  | { kind: 'slice'; ty: Type; span: Span }
  | { kind: 'tuple'; elems: Type[]; span: Span }
  | { kind: 'paren'; ty: Type; span: Span }
  | { kind: 'fn'; forLifetimes: GenericParam[]; unsafe: boolean; abi?: string; params: FnTypeParam[]; variadic: boolean; ret?: Type; span: Span }
  | { kind: 'never'; span: Span }
  | { kind: 'impl'; bounds: Bound[]; span: Span }
  | { kind: 'dyn'; bounds: Bound[]; explicit: boolean; span: Span }
  | { kind: 'infer'; span: Span }
  | { kind: 'macro'; mac: MacCall; span: Span }
  | { kind: 'err'; span: Span };
export interface FnTypeParam {
  name?: Ident;
  ty: Type;
}

// ---- patterns ----
export interface FieldPat {
  attrs: Attribute[];
  ident: Ident;
  pat: Pat;
  shorthand: boolean;
  span: Span;
}
export type Pat =
  | { kind: 'wild'; span: Span }
  | { kind: 'rest'; span: Span }
  | { kind: 'ident'; byRef: boolean; mut: boolean; refMut: boolean; ident: Ident; sub?: Pat; span: Span }
  | { kind: 'lit'; expr: Expr; span: Span }
  | { kind: 'range'; lo?: Expr; hi?: Expr; end: '..=' | '...' | '..'; span: Span }
  | { kind: 'ref'; mut: boolean; pat: Pat; span: Span }
  | { kind: 'tuple'; elems: Pat[]; span: Span }
  | { kind: 'slice'; elems: Pat[]; span: Span }
  | { kind: 'path'; qself?: QSelf; path: Path; span: Span }
  | { kind: 'tupleStruct'; qself?: QSelf; path: Path; elems: Pat[]; span: Span }
  | { kind: 'struct'; qself?: QSelf; path: Path; fields: FieldPat[]; rest: boolean; span: Span }
  | { kind: 'or'; pats: Pat[]; span: Span }
  | { kind: 'paren'; pat: Pat; span: Span }
  | { kind: 'box'; pat: Pat; span: Span }
  | { kind: 'macro'; mac: MacCall; span: Span }
  | { kind: 'err'; span: Span };

// ---- expressions ----
export type BinOp = '+' | '-' | '*' | '/' | '%' | '&&' | '||' | '^' | '&' | '|' | '<<' | '>>' | '==' | '!=' | '<' | '<=' | '>' | '>=';
export interface Label {
  name: string;
  span: Span;
}
export interface Arm {
  attrs: Attribute[];
  pat: Pat;
  guard?: Expr;
  body: Expr;
  span: Span;
}
export interface ExprField {
  attrs: Attribute[];
  ident: Ident;
  expr: Expr;
  shorthand: boolean;
  span: Span;
}
export interface ClosureParam {
  attrs: Attribute[];
  pat: Pat;
  ty?: Type;
  span: Span;
}
export type Expr =
  | { kind: 'lit'; lit: Lit; span: Span }
  | { kind: 'path'; qself?: QSelf; path: Path; span: Span }
  | { kind: 'unary'; op: '-' | '!' | '*'; expr: Expr; span: Span }
  | { kind: 'binary'; op: BinOp; lhs: Expr; rhs: Expr; span: Span }
  | { kind: 'assign'; lhs: Expr; rhs: Expr; span: Span }
  | { kind: 'assignOp'; op: BinOp; lhs: Expr; rhs: Expr; span: Span }
  | { kind: 'cast'; expr: Expr; ty: Type; span: Span }
  | { kind: 'call'; func: Expr; args: Expr[]; span: Span }
  | { kind: 'methodCall'; receiver: Expr; seg: PathSegment; args: Expr[]; span: Span }
  | { kind: 'field'; expr: Expr; name: Ident; span: Span }
  | { kind: 'index'; expr: Expr; index: Expr; span: Span }
  | { kind: 'ref'; mut: boolean; raw: boolean; expr: Expr; span: Span }
  | { kind: 'range'; lo?: Expr; hi?: Expr; limits: '..' | '..='; span: Span }
  | { kind: 'try'; expr: Expr; span: Span }
  | { kind: 'await'; expr: Expr; span: Span }
  | { kind: 'tuple'; elems: Expr[]; span: Span }
  | { kind: 'array'; elems: Expr[]; span: Span }
  | { kind: 'repeat'; expr: Expr; count: Expr; span: Span }
  | { kind: 'struct'; qself?: QSelf; path: Path; fields: ExprField[]; rest?: Expr | 'rest'; span: Span }
  | { kind: 'paren'; expr: Expr; span: Span }
  | { kind: 'block'; block: Block; label?: Label; unsafe: boolean; const: boolean; async: boolean; move: boolean; span: Span }
  | { kind: 'if'; cond: Expr; then: Block; else?: Expr; span: Span }
  | { kind: 'let'; pat: Pat; expr: Expr; span: Span }
  | { kind: 'while'; cond: Expr; body: Block; label?: Label; span: Span }
  | { kind: 'loop'; body: Block; label?: Label; span: Span }
  | { kind: 'for'; pat: Pat; iter: Expr; body: Block; label?: Label; span: Span }
  | { kind: 'match'; expr: Expr; arms: Arm[]; span: Span }
  | { kind: 'closure'; move: boolean; async: boolean; params: ClosureParam[]; ret?: Type; body: Expr; span: Span }
  | { kind: 'break'; label?: Label; expr?: Expr; span: Span }
  | { kind: 'continue'; label?: Label; span: Span }
  | { kind: 'return'; expr?: Expr; span: Span }
  | { kind: 'macro'; mac: MacCall; span: Span }
  | { kind: 'underscore'; span: Span }
  | { kind: 'err'; span: Span };

// ---- statements and blocks ----
export interface Block {
  stmts: Stmt[];
  span: Span;
}
export type Stmt =
  | { kind: 'let'; attrs: Attribute[]; pat: Pat; ty?: Type; init?: Expr; else?: Block; span: Span }
  | { kind: 'item'; item: Item; span: Span }
  | { kind: 'expr'; attrs: Attribute[]; expr: Expr; semi: boolean; span: Span }
  | { kind: 'empty'; span: Span };

// ---- items ----
export type SelfParam = { kind: 'value'; mut: boolean } | { kind: 'ref'; lifetime?: string; mut: boolean } | { kind: 'explicit'; mut: boolean; ty: Type };
export interface Param {
  attrs: Attribute[];
  /** `self`, `&self`, `&mut self`, `self: T` as the first parameter of a method. */
  self?: SelfParam;
  pat?: Pat;
  ty?: Type;
  span: Span;
}
export interface FnSig {
  const: boolean;
  async: boolean;
  unsafe: boolean;
  safe: boolean;
  abi?: string;
  /** `extern` without an ABI string. */
  extern: boolean;
  params: Param[];
  variadic: boolean;
  ret?: Type;
}
export interface FieldDef {
  attrs: Attribute[];
  vis: Visibility;
  ident?: Ident;
  ty: Type;
  span: Span;
}
export type VariantData = { kind: 'struct'; fields: FieldDef[] } | { kind: 'tuple'; fields: FieldDef[] } | { kind: 'unit' };
export interface Variant {
  attrs: Attribute[];
  vis: Visibility;
  ident: Ident;
  data: VariantData;
  discriminant?: Expr;
  span: Span;
}
export type UseTree =
  | { kind: 'simple'; prefix: Path; rename?: Ident; span: Span }
  | { kind: 'glob'; prefix: Path; span: Span }
  | { kind: 'nested'; prefix: Path; trees: UseTree[]; span: Span };

export type ItemKind =
  | { kind: 'fn'; ident: Ident; generics: Generics; sig: FnSig; body?: Block }
  | { kind: 'struct'; ident: Ident; generics: Generics; data: VariantData }
  | { kind: 'enum'; ident: Ident; generics: Generics; variants: Variant[] }
  | { kind: 'union'; ident: Ident; generics: Generics; data: VariantData }
  | { kind: 'impl'; generics: Generics; unsafe: boolean; const: boolean; negative: boolean; trait?: Path; selfTy: Type; items: Item[] }
  | { kind: 'trait'; unsafe: boolean; auto: boolean; ident: Ident; generics: Generics; bounds: Bound[]; items: Item[] }
  | { kind: 'traitAlias'; ident: Ident; generics: Generics; bounds: Bound[] }
  | { kind: 'mod'; ident: Ident; unsafe: boolean; items?: Item[]; innerAttrs: Attribute[] }
  | { kind: 'use'; tree: UseTree }
  | { kind: 'static'; ident: Ident; mut: boolean; safety: '' | 'safe' | 'unsafe'; ty: Type; expr?: Expr }
  | { kind: 'const'; ident: Ident; generics: Generics; ty: Type; expr?: Expr }
  | { kind: 'type'; ident: Ident; generics: Generics; bounds: Bound[]; ty?: Type }
  | { kind: 'externBlock'; unsafe: boolean; abi?: string; items: Item[]; innerAttrs: Attribute[] }
  | { kind: 'externCrate'; name: Ident; rename?: Ident }
  | { kind: 'macroRules'; ident: Ident; body: DelimGroup }
  | { kind: 'macCall'; mac: MacCall };

export type Item = ItemKind & { attrs: Attribute[]; vis: Visibility; span: Span };

export interface Crate {
  attrs: Attribute[];
  items: Item[];
  span: Span;
}
