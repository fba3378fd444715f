// Lint levels as rustc computes them: the default of each lint, changed by `#![allow/warn/deny/
// forbid(…)]` on the crate and `#[…]` on items, impl items, fields, variants, statements and
// match arms, the innermost attribute winning (and `forbid` never lowered). A lint fires at a
// span; the attributes that apply are those of the nodes whose span contains it.
//
// `LintEmitter.emit` also adds the notes rustc attaches to a lint's diagnostic: "… on by
// default" the first time a lint fires at its default level, "the lint level is defined here"
// the first time an attribute decides a level, "… implied by …" the first time a group does.
import type { Attribute, Block, Crate, Expr, Item, Stmt, TokenTree } from '../ast/ast.ts';
import type { DiagBuilder, Diagnostic } from '../diagnostics/diagnostic.ts';
import type { Span } from '../span/span.ts';
import { defaultLevel, LINTS, nameCovers, type Edition, type LintInfo, type LintLevel, type LintName } from './lints.ts';

export interface LevelEntry {
  readonly name: string;
  readonly level: LintLevel;
  /** The lint or group name inside the attribute (where "the lint level is defined here" points). */
  readonly nameSpan: Span;
}

interface Scope {
  readonly span: Span;
  readonly entries: readonly LevelEntry[];
}

export type LevelSource = { kind: 'default' } | { kind: 'attr'; entry: LevelEntry };

const LEVEL_ATTRS: ReadonlySet<string> = new Set(['allow', 'warn', 'deny', 'forbid', 'expect']);

function entriesOf(attrs: readonly Attribute[]): LevelEntry[] {
  const out: LevelEntry[] = [];
  for (const a of attrs) {
    if (a.doc !== undefined || a.path.segments.length !== 1) continue;
    const attrName = a.path.segments[0]!.ident.name;
    if (!LEVEL_ATTRS.has(attrName)) continue;
    // `expect` behaves as `allow` for whether the lint is shown.
    const level: LintLevel = attrName === 'expect' ? 'allow' : (attrName as LintLevel);
    const group = a.tts[0];
    if (!group || group.kind !== 'group') continue;
    // Comma-separated lint names; a tool lint (`clippy::all`) is another tool's business.
    let item: TokenTree[] = [];
    const flush = (): void => {
      const only = item[0];
      if (item.length === 1 && only && only.kind === 'ident') out.push({ name: only.text, level, nameSpan: only.span });
      item = [];
    };
    for (const t of group.tts as TokenTree[]) {
      if (t.kind === 'punct' && t.text === ',') flush();
      else item.push(t);
    }
    flush();
  }
  return out;
}

/** Every node that can carry lint attributes, with the span its attributes govern. */
class ScopeCollector {
  readonly scopes: Scope[] = [];

  add(span: Span, attrs: readonly Attribute[]): void {
    const entries = entriesOf(attrs);
    if (entries.length > 0) this.scopes.push({ span, entries });
  }

  items(items: readonly Item[]): void {
    for (const it of items) this.item(it);
  }

  item(it: Item): void {
    this.add(it.span, it.attrs);
    switch (it.kind) {
      case 'fn':
        if (it.body) this.block(it.body);
        break;
      case 'mod':
        this.add(it.span, it.innerAttrs);
        if (it.items) this.items(it.items);
        break;
      case 'impl':
      case 'trait':
        this.items(it.items);
        break;
      case 'externBlock':
        this.add(it.span, it.innerAttrs);
        this.items(it.items);
        break;
      case 'struct':
      case 'union':
        if (it.data.kind !== 'unit') for (const f of it.data.fields) this.add(f.span, f.attrs);
        break;
      case 'enum':
        for (const v of it.variants) this.add(v.span, v.attrs);
        break;
      case 'static':
      case 'const':
        if (it.expr) this.expr(it.expr);
        break;
      default:
        break;
    }
  }

  block(b: Block): void {
    for (const s of b.stmts) this.stmt(s);
  }

  stmt(s: Stmt): void {
    switch (s.kind) {
      case 'let':
        this.add(s.span, s.attrs);
        if (s.init) this.expr(s.init);
        if (s.else) this.block(s.else);
        break;
      case 'expr':
        this.add(s.span, s.attrs);
        this.expr(s.expr);
        break;
      case 'item':
        this.item(s.item);
        break;
      default:
        break;
    }
  }

  /** Only the expressions that hold blocks or arms matter (attributes sit on statements and arms). */
  expr(e: Expr): void {
    switch (e.kind) {
      case 'block':
        this.block(e.block);
        break;
      case 'loop':
        this.block(e.body);
        break;
      case 'while':
        this.expr(e.cond);
        this.block(e.body);
        break;
      case 'for':
        this.expr(e.iter);
        this.block(e.body);
        break;
      case 'if':
        this.expr(e.cond);
        this.block(e.then);
        if (e.else) this.expr(e.else);
        break;
      case 'match':
        this.expr(e.expr);
        for (const a of e.arms) {
          this.add(a.span, a.attrs);
          this.expr(a.body);
        }
        break;
      case 'paren':
      case 'unary':
      case 'cast':
      case 'field':
      case 'ref':
      case 'try':
      case 'await':
        this.expr(e.expr);
        break;
      case 'let':
        this.expr(e.expr);
        break;
      case 'binary':
      case 'assign':
      case 'assignOp':
        this.expr(e.lhs);
        this.expr(e.rhs);
        break;
      case 'call':
        this.expr(e.func);
        for (const a of e.args) this.expr(a);
        break;
      case 'methodCall':
        this.expr(e.receiver);
        for (const a of e.args) this.expr(a);
        break;
      case 'index':
        this.expr(e.expr);
        this.expr(e.index);
        break;
      case 'tuple':
      case 'array':
        for (const x of e.elems) this.expr(x);
        break;
      case 'struct':
        for (const f of e.fields) this.expr(f.expr);
        break;
      case 'return':
      case 'break':
        if (e.expr) this.expr(e.expr);
        break;
      case 'closure':
        this.expr(e.body);
        break;
      default:
        break;
    }
  }
}

function contains(outer: Span, inner: Span): boolean {
  return outer.lo <= inner.lo && inner.hi <= outer.hi;
}

export class LintLevels {
  private readonly scopes: Scope[];

  /** Every lint name written in a level attribute, for the unknown_lints check. */
  get entries(): LevelEntry[] {
    return this.scopes.flatMap((s) => s.entries);
  }

  constructor(
    ast: Crate,
    private readonly edition: Edition = '2021',
  ) {
    const c = new ScopeCollector();
    c.add(ast.span, ast.attrs.filter((a) => a.inner));
    c.items(ast.items);
    this.scopes = c.scopes;
  }

  /** The level of `lint` for a node at `at`, and what decided it. */
  levelAt(lint: LintName, at: Span): { level: LintLevel; source: LevelSource } {
    let level: LintLevel = defaultLevel(lint, this.edition);
    let source: LevelSource = { kind: 'default' };
    // Outermost first, so inner attributes override; equal spans keep source order.
    const applying = this.scopes.filter((s) => contains(s.span, at)).sort((a, b) => b.span.hi - b.span.lo - (a.span.hi - a.span.lo));
    for (const s of applying) {
      for (const e of s.entries) {
        const covers = nameCovers(e.name, lint) || (e.name === 'warnings' && level === 'warn' && e.level !== 'warn');
        if (!covers) continue;
        if (level === 'forbid' && source.kind === 'attr') continue;
        level = e.level;
        source = { kind: 'attr', entry: e };
      }
    }
    return { level, source };
  }
}

/** Emits lint diagnostics at their computed level, with rustc's once-only notes about the level. */
export class LintEmitter {
  private readonly once = new Set<string>();

  constructor(
    private readonly levels: LintLevels,
    private readonly out: Diagnostic[],
  ) {}

  /** Whether the lint would be shown at `at` (to skip expensive work for allowed lints). */
  enabled(lint: LintName, at: Span): boolean {
    return this.levels.levelAt(lint, at).level !== 'allow';
  }

  /** `d` is built as a warning; its level becomes the lint's. Returns whether it was emitted. */
  emit(lint: LintName, at: Span, d: DiagBuilder): boolean {
    const { level, source } = this.levels.levelAt(lint, at);
    if (level === 'allow') return false;
    d.diag.level = level === 'warn' ? 'warning' : 'error';
    d.diag.lint = lint;
    if (source.kind === 'default') {
      const info: LintInfo = LINTS[lint];
      const group = info.group ? ` (part of \`#[${level}(${info.group})]\`)` : '';
      this.noteOnce(d, `\`#[${level}(${lint})]\`${group} on by default`);
    } else {
      const key = `span:${source.entry.nameSpan.lo}:${source.entry.nameSpan.hi}`;
      if (!this.once.has(key)) {
        this.once.add(key);
        d.spanNote(source.entry.nameSpan, 'the lint level is defined here');
      }
      if (source.entry.name !== lint) this.noteOnce(d, `\`#[${level}(${lint})]\` implied by \`#[${level}(${source.entry.name})]\``);
    }
    this.out.push(d.build());
    return true;
  }

  /** Whether a diagnostic came from a lint (a denied lint's error does not stop later passes). */
  isLint(d: Diagnostic): boolean {
    return d.lint !== undefined;
  }

  private noteOnce(d: DiagBuilder, message: string): void {
    if (this.once.has(message)) return;
    this.once.add(message);
    d.note(message);
  }
}
