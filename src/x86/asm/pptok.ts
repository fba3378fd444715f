// Coarse tokens for the preprocessor: enough to find identifiers to substitute, macro
// parameters (`%1`, `%%x`), directives and strings, while keeping the exact text so that
// a line can be put back together unchanged apart from the substitutions.
import { findStringEnd, isDigit, isIdChar, isIdStart } from './lexer.ts';

export type PPKind =
  | 'ws'
  | 'id'      // identifier, possibly `$`-escaped (text keeps the `$`)
  | 'num'     // number-like run: `1fh`, `0x10`, `1.5`
  | 'str'     // quoted string, with its quotes
  | 'param'   // %1 %0 %{3} %-1 %+1 %00
  | 'local'   // %%name
  | 'ctx'     // %$name (context-local; not supported)
  | 'paste'   // %+
  | 'dir'     // %name: a directive or a preprocessor function
  | 'other';  // any other character or operator

export interface PPToken {
  readonly k: PPKind;
  readonly s: string;
}

/** Splits a line into preprocessor tokens, dropping a `;` comment. */
export function ppTokenize(line: string): PPToken[] {
  const out: PPToken[] = [];
  const n = line.length;
  let i = 0;
  while (i < n) {
    const c = line[i];
    const start = i;
    if (c === ' ' || c === '\t' || c === '\r' || c === '\f' || c === '\v') {
      while (i < n && (line[i] === ' ' || line[i] === '\t' || line[i] === '\r' || line[i] === '\f' || line[i] === '\v')) i++;
      out.push({ k: 'ws', s: line.slice(start, i) });
      continue;
    }
    if (c === ';') break;
    if (c === '\'' || c === '"' || c === '`') {
      const end = findStringEnd(line, i);
      i = end < 0 ? n : end + 1;
      out.push({ k: 'str', s: line.slice(start, i) });
      continue;
    }
    if (isDigit(c) || (c === '$' && i + 1 < n && isDigit(line[i + 1]))) {
      i++;
      while (i < n) {
        const d = line[i];
        if (isIdChar(d) || d === '.') { i++; continue; }
        break;
      }
      out.push({ k: 'num', s: line.slice(start, i) });
      continue;
    }
    if (isIdStart(c) || (c === '$' && i + 1 < n && isIdStart(line[i + 1]))) {
      i++;
      while (i < n && isIdChar(line[i])) i++;
      out.push({ k: 'id', s: line.slice(start, i) });
      continue;
    }
    if (c === '%') {
      const d = line[i + 1];
      if (d === '%' && i + 2 < n && isIdStart(line[i + 2])) {
        i += 3;
        while (i < n && isIdChar(line[i])) i++;
        out.push({ k: 'local', s: line.slice(start, i) });
        continue;
      }
      if (d !== undefined && isDigit(d)) {
        i += 2;
        while (i < n && isDigit(line[i])) i++;
        out.push({ k: 'param', s: line.slice(start, i) });
        continue;
      }
      if ((d === '-' || d === '+') && i + 2 < n && isDigit(line[i + 2])) {
        i += 3;
        while (i < n && isDigit(line[i])) i++;
        out.push({ k: 'param', s: line.slice(start, i) });
        continue;
      }
      if (d === '+') { out.push({ k: 'paste', s: '%+' }); i += 2; continue; }
      if (d === '{') {
        const close = line.indexOf('}', i);
        i = close < 0 ? n : close + 1;
        out.push({ k: 'param', s: line.slice(start, i) });
        continue;
      }
      if (d === '$') {
        i += 2;
        while (i < n && isIdChar(line[i])) i++;
        out.push({ k: 'ctx', s: line.slice(start, i) });
        continue;
      }
      if (d !== undefined && isIdStart(d)) {
        i += 2;
        while (i < n && isIdChar(line[i])) i++;
        out.push({ k: 'dir', s: line.slice(start, i) });
        continue;
      }
      if (d === '%') { out.push({ k: 'other', s: '%%' }); i += 2; continue; }
      out.push({ k: 'other', s: '%' });
      i++;
      continue;
    }
    out.push({ k: 'other', s: c });
    i++;
  }
  return out;
}

export function joinTokens(toks: readonly PPToken[]): string {
  let s = '';
  for (const t of toks) s += t.s;
  return s;
}

/** Index of the first non-whitespace token at or after `i`, or toks.length. */
export function skipWs(toks: readonly PPToken[], i: number): number {
  while (i < toks.length && toks[i].k === 'ws') i++;
  return i;
}

/** Removes leading and trailing whitespace tokens. */
export function trimTokens(toks: readonly PPToken[]): PPToken[] {
  let a = 0;
  let b = toks.length;
  while (a < b && toks[a].k === 'ws') a++;
  while (b > a && toks[b - 1].k === 'ws') b--;
  return toks.slice(a, b);
}

/**
 * Splits tokens on top-level commas. Braces `{...}` group (and are removed when they wrap a
 * whole argument); parentheses group when `parens` is set (single-line macro calls).
 */
export function splitArgs(toks: readonly PPToken[], parens: boolean): PPToken[][] {
  const args: PPToken[][] = [];
  let cur: PPToken[] = [];
  let depth = 0;
  for (const t of toks) {
    if (t.k === 'other') {
      if (t.s === '{' || (parens && t.s === '(')) depth++;
      else if (t.s === '}' || (parens && t.s === ')')) depth--;
      else if (t.s === ',' && depth === 0) { args.push(cur); cur = []; continue; }
    }
    cur.push(t);
  }
  args.push(cur);
  return args.map((a) => unbrace(trimTokens(a)));
}

function unbrace(toks: PPToken[]): PPToken[] {
  if (toks.length >= 2 && toks[0].s === '{' && toks[toks.length - 1].s === '}') {
    // only when the braces match each other
    let depth = 0;
    for (let i = 0; i < toks.length; i++) {
      if (toks[i].s === '{') depth++;
      else if (toks[i].s === '}') { depth--; if (depth === 0 && i !== toks.length - 1) return toks; }
    }
    return trimTokens(toks.slice(1, -1));
  }
  return toks;
}

/** Joins the tokens on either side of each `%+`, dropping whitespace around it. */
export function pasteTokens(toks: readonly PPToken[]): PPToken[] {
  if (!toks.some((t) => t.k === 'paste')) return toks as PPToken[];
  const out: PPToken[] = [];
  let i = 0;
  while (i < toks.length) {
    const t = toks[i];
    if (t.k === 'paste') {
      while (out.length > 0 && out[out.length - 1].k === 'ws') out.pop();
      let j = i + 1;
      while (j < toks.length && toks[j].k === 'ws') j++;
      const left = out.pop();
      const right = toks[j];
      if (left && right) {
        const joined = ppTokenize(left.s + right.s);
        out.push(...(joined.length === 1 ? joined : [{ k: 'id' as const, s: left.s + right.s }]));
        i = j + 1;
      } else {
        if (left) out.push(left);
        i = j;
      }
      continue;
    }
    out.push(t);
    i++;
  }
  return out;
}
