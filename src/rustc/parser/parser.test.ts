import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Expr, Item, Stmt } from '../ast/ast.ts';
import { parseCrate } from '../index.ts';
import { expr as printExpr } from '../printer/print.ts';

const corpus = (name: string) => readFileSync(new URL(`../testdata/corpus/${name}`, import.meta.url), 'utf8');

function parseOk(src: string) {
  const r = parseCrate(src, 'test.rs');
  expect(r.diagnostics.map((d) => d.message)).toEqual([]);
  return r.ast;
}

/** The expression of `fn f() { EXPR }`, printed with explicit parentheses around every binary. */
function shape(exprSrc: string): string {
  const ast = parseOk(`fn f() { ${exprSrc} }`);
  const f = ast.items[0] as Extract<Item, { kind: 'fn' }>;
  const s = f.body!.stmts[0] as Extract<Stmt, { kind: 'expr' }>;
  return parenthesise(s.expr);
}

function parenthesise(e: Expr): string {
  switch (e.kind) {
    case 'binary':
      return `(${parenthesise(e.lhs)} ${e.op} ${parenthesise(e.rhs)})`;
    case 'assign':
      return `(${parenthesise(e.lhs)} = ${parenthesise(e.rhs)})`;
    case 'assignOp':
      return `(${parenthesise(e.lhs)} ${e.op}= ${parenthesise(e.rhs)})`;
    case 'unary':
      return `(${e.op}${parenthesise(e.expr)})`;
    case 'cast':
      return `(${parenthesise(e.expr)} as ${printExpr({ kind: 'path', path: { span: e.span, global: false, segments: [] }, span: e.span }) || ''}${e.ty.kind === 'path' ? e.ty.path.segments.map((s) => s.ident.name).join('::') : e.ty.kind})`;
    case 'range':
      return `(${e.lo ? parenthesise(e.lo) : ''}${e.limits}${e.hi ? parenthesise(e.hi) : ''})`;
    case 'ref':
      return `(&${e.mut ? 'mut ' : ''}${parenthesise(e.expr)})`;
    default:
      return printExpr(e);
  }
}

describe('the post', () => {
  it("parses the post's first main.rs: inner attributes, use, panic handler, extern \"C\" _start", () => {
    const ast = parseOk(corpus('01_post_freestanding.rs'));
    expect(ast.attrs.map((a) => a.path.segments[0]!.ident.name)).toEqual(['no_std', 'no_main']);
    expect(ast.items.map((i) => i.kind)).toEqual(['use', 'fn', 'fn']);
    const panic = ast.items[1] as Extract<Item, { kind: 'fn' }>;
    expect(panic.attrs.map((a) => a.doc ?? a.path.segments[0]!.ident.name)).toEqual([' This function is called on panic.', 'panic_handler']);
    expect(panic.sig.ret).toMatchObject({ kind: 'never' });
    const start = ast.items[2] as Extract<Item, { kind: 'fn' }>;
    expect(start.vis.kind).toBe('pub');
    expect(start.sig).toMatchObject({ extern: true, abi: 'C' });
    expect(start.attrs[0]!.path.segments[0]!.ident.name).toBe('no_mangle');
  });

  it("parses the post's Hello World kernel", () => {
    const ast = parseOk(corpus('02_post_hello.rs'));
    const hello = ast.items.find((i) => i.kind === 'static') as Extract<Item, { kind: 'static' }>;
    expect(hello.ty).toMatchObject({ kind: 'ref', ty: { kind: 'slice' } });
    expect(hello.expr).toMatchObject({ kind: 'lit', lit: { kind: 'byteStr', value: 'Hello World!' } });
    const start = ast.items.at(-1) as Extract<Item, { kind: 'fn' }>;
    const [letVga, forLoop, loop] = start.body!.stmts;
    expect(letVga).toMatchObject({ kind: 'let', init: { kind: 'cast', expr: { kind: 'lit' }, ty: { kind: 'ptr', mut: true } } });
    expect(forLoop).toMatchObject({ kind: 'expr', semi: false, expr: { kind: 'for', pat: { kind: 'tuple' }, iter: { kind: 'methodCall', seg: { ident: { name: 'enumerate' } } } } });
    expect(loop).toMatchObject({ kind: 'expr', expr: { kind: 'loop' } });
    const body = (forLoop as Extract<Stmt, { kind: 'expr' }>).expr as Extract<Expr, { kind: 'for' }>;
    const unsafeBlock = (body.body.stmts[0] as Extract<Stmt, { kind: 'expr' }>).expr;
    expect(unsafeBlock).toMatchObject({ kind: 'block', unsafe: true });
  });
});

describe('expressions', () => {
  it('ends a match arm at a block-like body, so a tuple pattern after it starts the next arm', () => {
    const ast = parseOk('fn f(x: (u8, u8)) -> u8 { match x { (0, 0) => { 1 } (a, b) => { a + b } } }');
    const f = ast.items[0] as Extract<Item, { kind: 'fn' }>;
    const m = (f.body!.stmts[0] as Extract<Stmt, { kind: 'expr' }>).expr as Extract<Expr, { kind: 'match' }>;
    expect(m.arms.map((a) => a.pat.kind)).toEqual(['tuple', 'tuple']);
    // `.` still continues a block-like body, as in statements
    expect(parseCrate('fn f(x: u8) -> u8 { match x { _ => { x }.wrapping_add(1) } }', 't.rs').diagnostics).toEqual([]);
    expect(parseCrate('fn f(x: u8) -> u8 { match x { 0 => { 1 } + 2, _ => 3 } }', 't.rs').diagnostics.map((d) => d.message)).toEqual(['expected pattern, found `+`']);
  });

  it('follows Rust precedence and associativity', () => {
    expect(shape('a + b * c - d')).toBe('((a + (b * c)) - d)');
    expect(shape('a || b && c == d')).toBe('(a || (b && (c == d)))');
    expect(shape('a | b ^ c & d << e')).toBe('(a | (b ^ (c & (d << e))))');
    expect(shape('-a * b as u8')).toBe('((-a) * (b as u8))');
    expect(shape('a = b = c')).toBe('(a = (b = c))');
    expect(shape('x += 1 << 2')).toBe('(x += (1 << 2))');
    expect(shape('a..b + 1')).toBe('(a..(b + 1))');
    expect(shape('..=n')).toBe('(..=n)');
    expect(shape('&mut *p')).toBe('(&mut (*p))');
    expect(shape('!a == b')).toBe('((!a) == b)');
    expect(shape('a as u16 as u32')).toBe('((a as u16) as u32)');
  });

  it('splits `&&` and `||` where they are two tokens', () => {
    expect(shape('&&x')).toBe('(&(&x))');
    expect(shape('|| 1').startsWith('|| 1')).toBe(true);
  });

  it('reads `x.0.1` as two tuple-field accesses', () => {
    const ast = parseOk('fn f() { t.0.1 }');
    const e = ((ast.items[0] as Extract<Item, { kind: 'fn' }>).body!.stmts[0] as Extract<Stmt, { kind: 'expr' }>).expr;
    expect(e).toMatchObject({ kind: 'field', name: { name: '1' }, expr: { kind: 'field', name: { name: '0' }, expr: { kind: 'path' } } });
  });

  it('does not take `S {` as a struct literal in conditions', () => {
    const ast = parseOk('fn f() { if x == y { 1 } else { 2 }; match s { _ => {} } for i in v {} let p = P { x: 1 }; }');
    const stmts = (ast.items[0] as Extract<Item, { kind: 'fn' }>).body!.stmts;
    expect(stmts[0]).toMatchObject({ kind: 'expr', expr: { kind: 'if', cond: { kind: 'binary', rhs: { kind: 'path' } } } });
    expect(stmts.at(-1)).toMatchObject({ kind: 'let', init: { kind: 'struct', fields: [{ ident: { name: 'x' } }] } });
  });

  it('ends block-like expression statements without `;`', () => {
    const ast = parseOk('fn f() { if a {} -1 } fn g() { match x {}.len(); loop {} unsafe { h() } }');
    const f = (ast.items[0] as Extract<Item, { kind: 'fn' }>).body!.stmts;
    expect(f.map((s) => (s.kind === 'expr' ? s.expr.kind : s.kind))).toEqual(['if', 'unary']);
    const g = (ast.items[1] as Extract<Item, { kind: 'fn' }>).body!.stmts;
    expect(g.map((s) => (s.kind === 'expr' ? s.expr.kind : s.kind))).toEqual(['methodCall', 'loop', 'block']);
  });

  it('parses turbofish, closures, labels, let-else, ranges, `?` and macros as token trees', () => {
    const ast = parseOk(`fn f() -> Option<u8> {
      let v = "5".parse::<u8>().ok()?;
      let add = move |a: u8, b| -> u8 { a + b };
      let Some(w) = Some(v) else { return None };
      'outer: loop { break 'outer; }
      let r = 0..=9;
      panic!("x = {}", v);
      Some(add(v, w))
    }`);
    const stmts = (ast.items[0] as Extract<Item, { kind: 'fn' }>).body!.stmts;
    expect(stmts[0]).toMatchObject({ init: { kind: 'try', expr: { kind: 'methodCall', receiver: { kind: 'methodCall', seg: { ident: { name: 'parse' }, args: { kind: 'angle' } } } } } });
    expect(stmts[1]).toMatchObject({ init: { kind: 'closure', move: true, params: [{ ty: { kind: 'path' } }, {}], ret: { kind: 'path' } } });
    expect(stmts[2]).toMatchObject({ kind: 'let', else: { stmts: [{ kind: 'expr' }] } });
    expect(stmts[3]).toMatchObject({ expr: { kind: 'loop', label: { name: "'outer" } } });
    expect(stmts[4]).toMatchObject({ init: { kind: 'range', limits: '..=' } });
    expect(stmts[5]).toMatchObject({ expr: { kind: 'macro', mac: { delim: '(', path: { segments: [{ ident: { name: 'panic' } }] } } } });
  });
});

describe('items, types and patterns', () => {
  it('parses enums with discriminants, unions, impls with generics and where clauses', () => {
    const ast = parseOk(`
      #[repr(u8)] enum E { A = 1, B(u8), C { x: i32 } }
      union U { a: u32, b: f32 }
      impl<T: Copy> Tr for W<T> where T: Default { fn m(&mut self) {} }
      pub(crate) struct S<'a>(&'a [u8], pub *const u8);
      type F = unsafe extern "C" fn(u8, ...) -> !;
      extern "C" { fn g(x: i32); static X: u8; }
      const _: [u8; 2] = [0; 2];
      static mut M: u8 = 0;
      use a::{b::{self, c as d}, e::*};
      macro_rules! m { ($x:expr) => { $x } }
      mod inner { #![allow(unused)] }
    `);
    expect(ast.items.map((i) => i.kind)).toEqual(['enum', 'union', 'impl', 'struct', 'type', 'externBlock', 'const', 'static', 'use', 'macroRules', 'mod']);
    expect(ast.items[0]).toMatchObject({ variants: [{ discriminant: { kind: 'lit' } }, { data: { kind: 'tuple' } }, { data: { kind: 'struct' } }] });
    expect(ast.items[2]).toMatchObject({ trait: { segments: [{ ident: { name: 'Tr' } }] }, generics: { where: [{ kind: 'bound' }] } });
    expect(ast.items[3]).toMatchObject({ vis: { kind: 'restricted' }, data: { kind: 'tuple', fields: [{ ty: { kind: 'ref', lifetime: "'a" } }, { vis: { kind: 'pub' }, ty: { kind: 'ptr', mut: false } }] } });
    expect(ast.items[4]).toMatchObject({ ty: { kind: 'fn', unsafe: true, abi: 'C', variadic: true, ret: { kind: 'never' } } });
    expect(ast.items[8]).toMatchObject({ tree: { kind: 'nested', trees: [{ kind: 'nested', trees: [{ kind: 'simple' }, { kind: 'simple', rename: { name: 'd' } }] }, { kind: 'glob' }] } });
  });

  it('parses every pattern form', () => {
    const ast = parseOk(`fn f() { match v {
      0 | 1 => {}, 2..=5 => {}, ..=-1 => {}, 10.. => {}, 'a'..='z' => {},
      x @ Some(_) => {}, ref mut y => {}, &(a, ..) => {}, [first, rest @ ..] => {},
      P { x, y: 0, .. } => {}, T(_, b) => {}, <A as B>::C => {}, m!() => {}
    } }`);
    const m = ((ast.items[0] as Extract<Item, { kind: 'fn' }>).body!.stmts[0] as Extract<Stmt, { kind: 'expr' }>).expr as Extract<Expr, { kind: 'match' }>;
    expect(m.arms.map((a) => a.pat.kind)).toEqual(['or', 'range', 'range', 'range', 'range', 'ident', 'ident', 'ref', 'slice', 'struct', 'tupleStruct', 'path', 'macro']);
  });

  it('splits `>>` closing two generic lists', () => {
    const ast = parseOk('static V: Option<Vec<u8>> = None; fn f(x: Vec<Vec<u8>>) -> Vec<Vec<Vec<u8>>> { x }');
    expect(ast.items[0]).toMatchObject({ ty: { path: { segments: [{ args: { args: [{ ty: { path: { segments: [{ ident: { name: 'Vec' } }] } } }] } }] } } });
  });
});

describe('error recovery', () => {
  const msgs = (src: string) => parseCrate(src, 't.rs').diagnostics.map((d) => d.message);

  it('reports several statement errors in one run', () => {
    // Unbalanced delimiters hide parse errors, as in rustc.
    expect(msgs('fn f() {\n  let a = ;\n  let b = (1 + );\n  let c = 3;\n}\nfn g() { h( }')).toEqual(['mismatched closing delimiter: `}`']);
    // As rustc, the rest of a block is skipped after an error in it; the next block is parsed.
    expect(msgs('fn f() {\n  let a = ;\n  let b = (1 + );\n}\nfn g() {\n  let c = [1, 2 3];\n  h(1, 2 3);\n}\nfn k() { let d = (1 + ); }\n')).toEqual([
      'expected expression, found `;`',
      'expected one of `,`, `.`, `?`, `]`, or an operator, found `3`',
      'expected one of `)`, `,`, `.`, `?`, or an operator, found `3`',
      'expected expression, found `)`',
    ]);
  });

  it('resynchronises at the next item after a bad item', () => {
    expect(msgs('struct S { a: u8 b: u8 }\nfn ok() {}\n5\nfn also() {}')).toEqual(['expected `,`, or `}`, found `b`', 'expected item, found `5`']);
  });

  it('recovers a missing `;` before the next statement', () => {
    const r = parseCrate('fn main() {\n    let x = 5\n    let y = 6;\n}\n', 'a.rs');
    expect(r.diagnostics.map((d) => d.message)).toEqual(['expected `;`, found keyword `let`']);
    expect((r.ast.items[0] as Extract<Item, { kind: 'fn' }>).body!.stmts).toHaveLength(2);
  });
});

describe('editions', () => {
  it('treats async, await, dyn and try as names in Rust 2015 only', () => {
    expect(parseCrate('fn f() { let async = 1; let try = 2; }', 'e.rs', { edition: '2015' }).diagnostics).toEqual([]);
    expect(parseCrate('fn f() { let async = 1; }', 'e.rs', { edition: '2021' }).diagnostics.map((d) => d.message)).toEqual(['expected identifier, found keyword `async`']);
  });
});
