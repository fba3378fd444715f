// Attribute arguments read as rustc's "meta items": `name`, `name = "value"`, `name(list, …)`.
// `#[cfg(…)]`, `#[cfg_attr(…)]`, `#![feature(…)]` and `#[path = "…"]` are all in this shape; the
// parser keeps them as token trees, so the driver reads them here.
import type { Attribute, DelimGroup, TokenTree } from '../ast/ast.ts';
import type { Token } from '../lexer/token.ts';
import { join, type Span } from '../span/span.ts';

export type MetaItem =
  | { kind: 'word'; name: string; span: Span }
  | { kind: 'nameValue'; name: string; value: string; valueIsStr: boolean; span: Span }
  | { kind: 'list'; name: string; items: MetaItem[]; group: DelimGroup; span: Span }
  /** Anything else (a bare literal, a path with `::`, stray punctuation): reported by the user. */
  | { kind: 'bad'; span: Span };

export function attrName(a: Attribute): string {
  return a.path.segments.map((s) => s.ident.name).join('::');
}

export function ttSpan(tt: TokenTree): Span {
  return tt.kind === 'group' ? join(tt.open, tt.close) : tt.span;
}

/** Splits a token list at top-level commas (empty trailing piece dropped). */
export function splitCommas(tts: readonly TokenTree[]): TokenTree[][] {
  const pieces: TokenTree[][] = [[]];
  for (const tt of tts) {
    if (tt.kind !== 'group' && tt.kind === 'punct' && tt.text === ',') pieces.push([]);
    else pieces[pieces.length - 1]!.push(tt);
  }
  if (pieces[pieces.length - 1]!.length === 0) pieces.pop();
  return pieces;
}

/** One meta item from its tokens. */
export function parseMeta(tts: readonly TokenTree[]): MetaItem {
  const first = tts[0];
  const whole = tts.length > 0 ? join(ttSpan(tts[0]!), ttSpan(tts[tts.length - 1]!)) : { lo: 0, hi: 0 };
  if (!first || first.kind === 'group' || first.kind !== 'ident') return { kind: 'bad', span: whole };
  const name = (first as Token).text;
  if (tts.length === 1) return { kind: 'word', name, span: whole };
  const second = tts[1]!;
  if (tts.length === 2 && second.kind === 'group' && second.delim === '(') {
    return { kind: 'list', name, items: splitCommas(second.tts).map(parseMeta), group: second, span: whole };
  }
  if (tts.length === 3 && second.kind === 'punct' && (second as Token).text === '=') {
    const v = tts[2]!;
    if (v.kind === 'lit') {
      const lit = (v as Token).lit!;
      const isStr = lit.kind === 'str' || lit.kind === 'rawStr';
      return { kind: 'nameValue', name, value: isStr ? lit.value : lit.symbol, valueIsStr: isStr, span: whole };
    }
  }
  return { kind: 'bad', span: whole };
}

/** The `(…)` group right after an attribute's path, if that is all its arguments are. */
export function attrArgs(a: Attribute): DelimGroup | undefined {
  const g = a.tts[0];
  return a.tts.length === 1 && g && g.kind === 'group' && g.delim === '(' ? g : undefined;
}

/** `#[name = "value"]`'s string, if the attribute has that shape. */
export function attrStringValue(a: Attribute): string | undefined {
  const [eq, v] = a.tts;
  if (a.tts.length === 2 && eq && eq.kind === 'punct' && eq.text === '=' && v && v.kind === 'lit' && (v.lit?.kind === 'str' || v.lit?.kind === 'rawStr')) return v.lit.value;
  return undefined;
}
