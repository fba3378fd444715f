// E0004 (a `match` that misses values), E0005 (a refutable pattern in `let`) and the
// unreachable_patterns lint, with rustc's messages, labels, notes and suggested arms.
import { error, warning, type DiagBuilder } from '../diagnostics/diagnostic.ts';
import type { Span } from '../span/span.ts';
import type { Expr, Pat, Stmt } from '../thir/thir.ts';
import { printTy } from '../thir/ty.ts';
import { textOf, type BodyOwner, type PassContext } from './context.ts';
import { isUseful, lowerPat, printWitness, witnesses, type DPat, type Witness } from './usefulness.ts';
import { ThirVisitor, patBindings } from './visit.ts';

/** "`a`", "`a` and `b`", "`a`, `b` and `c`", "`a`, `b`, `c` and 2 more". */
function joinPatterns(ps: readonly string[]): string {
  const q = ps.map((p) => `\`${p}\``);
  if (q.length === 1) return q[0]!;
  if (q.length <= 3) return `${q.slice(0, -1).join(', ')} and ${q[q.length - 1]}`;
  return `${q.slice(0, 3).join(', ')} and ${q.length - 3} more`;
}

function missingOf(rows: DPat[][], ty: Pat['ty']): Witness[] {
  return witnesses(rows, [{ fields: [], ty }]).map((w) => w[0]!);
}

class PatternChecker extends ThirVisitor {
  constructor(private readonly ctx: PassContext) {
    super();
  }

  /** `10..` and `..=5` are stored with the type's bound; the source says they are open. */
  readonly halfOpen = (p: Pat): { noLo: boolean; noHi: boolean } => {
    const text = textOf(this.ctx, p.span).trim();
    return { noLo: text.startsWith('..'), noHi: text.endsWith('..') };
  };

  /** rustc's extra notes on types that cannot be listed exhaustively. */
  private typeNotes(d: DiagBuilder, ty: Pat['ty'], missing: Witness[]): void {
    const beyond = (w: Witness, int: 'usize' | 'isize'): [boolean, boolean] => {
      if (w.ctor?.kind !== 'range' || w.ty.kind !== 'int' || w.ty.int !== int) return [false, false];
      const max = int === 'usize' ? (1n << 64n) - 1n : (1n << 63n) - 1n;
      const min = int === 'usize' ? 0n : -(1n << 63n);
      return [w.ctor.lo < min, w.ctor.hi > max];
    };
    const all = (ws: readonly Witness[]): Witness[] => ws.flatMap((w) => [w, ...all(w.fields)]);
    for (const int of ['usize', 'isize'] as const) {
      const ends = all(missing).map((w) => beyond(w, int));
      const lo = ends.some((e) => e[0]);
      const hi = ends.some((e) => e[1]);
      if (lo && hi) d.note(`\`${int}::MIN\` and \`${int}::MAX\` are not treated as exhaustive, so half-open ranges are necessary to match exhaustively`);
      else if (lo) d.note(`\`${int}::MIN\` is not treated as exhaustive, so half-open ranges are necessary to match exhaustively`);
      else if (hi) d.note(`\`${int}::MAX\` is not treated as exhaustive, so half-open ranges are necessary to match exhaustively`);
    }
    if (ty.kind === 'ref' && ty.to.kind === 'str') d.note('`&str` cannot be matched exhaustively, so a wildcard `_` is necessary');
  }

  override visitExpr(e: Expr): void {
    if (e.kind === 'match') this.checkMatch(e);
    this.walkExpr(e);
  }

  override visitStmt(s: Stmt): void {
    if (s.kind === 'let' && !s.else) this.checkLet(s.pat, s.init);
    super.visitStmt(s);
  }

  private checkMatch(m: Expr & { kind: 'match' }): void {
    const rows: DPat[][] = [];
    const rowArm: number[] = [];
    m.arms.forEach((arm, i) => {
      const alts = lowerPat(arm.pat, this.halfOpen);
      if (arm.pat.ty.kind !== 'error') this.unreachable(rows, rowArm, alts, arm.pat, m);
      if (!arm.guard) for (const a of alts) {
        rows.push([a]);
        rowArm.push(i);
      }
    });
    const ty = m.scrutinee.ty;
    if (ty.kind === 'never' || ty.kind === 'error') return;
    const missing = missingOf(rows, ty);
    if (missing.length === 0) return;
    const names = missing.map(printWitness);
    const joined = joinPatterns(names);
    const d = error(`non-exhaustive patterns: ${joined} not covered`, 'E0004').primary(m.scrutinee.span, `pattern${names.length === 1 ? '' : 's'} ${joined} not covered`);
    if (ty.kind === 'adt' && ty.def.adtKind === 'enum') {
      const spans = [{ span: ty.def.span, label: '', primary: true }];
      for (const w of missing) if (w.ctor?.kind === 'variant') spans.push({ span: ty.def.variants[w.ctor.index]!.span, label: 'not covered', primary: false });
      d.diag.children.push({ level: 'note', message: `\`${ty.def.name}\` defined here`, spans });
    }
    d.note(`the matched value is of type \`${printTy(ty)}\``);
    this.typeNotes(d, ty, missing);
    this.suggestArm(d, m, names);
    this.ctx.out.push(d.build());
  }

  /** The arm rustc suggests adding after the last one. */
  private suggestArm(d: DiagBuilder, m: Expr & { kind: 'match' }, names: string[]): void {
    const last = m.arms[m.arms.length - 1];
    if (!last) return;
    const pat = names.length > 3 ? '_' : names.join(' | ');
    const message =
      names.length === 1
        ? 'ensure that all possible cases are being handled by adding a match arm with a wildcard pattern or an explicit pattern as shown'
        : names.length <= 3
          ? 'ensure that all possible cases are being handled by adding a match arm with a wildcard pattern, a match arm with multiple or-patterns as shown, or multiple match arms'
          : 'ensure that all possible cases are being handled by adding a match arm with a wildcard pattern as shown, or multiple match arms';
    const file = this.ctx.sourceMap.fileAt(last.span.lo);
    const lastEnd = last.body.span.hi > last.span.hi ? last.body.span.hi : last.span.hi;
    const rest = file.text.slice(lastEnd - file.start, m.span.hi - file.start);
    const comma = /^\s*,/.exec(rest);
    const multiLine = file.lineCol(m.span.lo).line !== file.lineCol(m.span.hi).line;
    if (multiLine) {
      const lineStart = file.lineStarts[file.lineCol(last.span.lo).line - 1]!;
      const indent = /^\s*/.exec(file.text.slice(lineStart))![0];
      const at = comma ? lastEnd + comma[0].length : lastEnd;
      d.suggest({ lo: at, hi: at }, message, `${comma ? '' : ','}\n${indent}${pat} => todo!()${comma ? ',' : ''}`, 'verbose', 'HasPlaceholders');
    } else if (comma) {
      const at = lastEnd + comma[0].length;
      d.suggest({ lo: at, hi: at }, message, ` ${pat} => todo!(),`, 'verbose', 'HasPlaceholders');
    } else {
      d.suggest({ lo: lastEnd, hi: lastEnd }, message, `, ${pat} => todo!()`, 'verbose', 'HasPlaceholders');
    }
  }

  private unreachable(rows: DPat[][], rowArm: number[], alts: DPat[], pat: Pat, m: Expr & { kind: 'match' }): void {
    if (alts.length === 0 || rows.length === 0) return;
    // An arm is unreachable when none of its alternatives is useful.
    if (alts.some((a) => isUseful(rows, [a]))) return;
    const d = warning('unreachable pattern').primary(pat.span, 'no value can reach this');
    const coveringArms = [...new Set(rowArm)];
    const single = coveringArms.find((i) => {
      const own = rows.filter((_, r) => rowArm[r] === i);
      return alts.every((a) => !isUseful(own, [a]));
    });
    if (single !== undefined) {
      const cover = m.arms[single]!.pat;
      const any = lowerPat(cover, this.halfOpen).some((a) => !a.ctor);
      d.secondary(cover.span, any ? 'matches any value' : 'matches all the relevant values');
    } else {
      const spans = coveringArms.map((i) => ({ span: m.arms[i]!.pat.span, label: 'matches some of the same values', primary: false }));
      spans.push({ span: pat.span, label: 'collectively making this unreachable', primary: true });
      d.diag.children.push({ level: 'note', message: 'multiple earlier patterns match some of the same values', spans });
    }
    this.ctx.lints.emit('unreachable_patterns', pat.span, d);
  }

  private checkLet(pat: Pat, init: Expr | undefined): void {
    if (pat.ty.kind === 'error' || pat.ty.kind === 'never') return;
    const rows = lowerPat(pat, this.halfOpen).map((a) => [a]);
    const missing = missingOf(rows, pat.ty);
    if (missing.length === 0) return;
    const names = missing.map(printWitness);
    const joined = joinPatterns(names);
    const d = error('refutable pattern in local binding', 'E0005')
      .primary(pat.span, `pattern${names.length === 1 ? '' : 's'} ${joined} not covered`)
      .note('`let` bindings require an "irrefutable pattern", like a `struct` or an `enum` with only one variant')
      .note('for more information, visit https://doc.rust-lang.org/book/ch19-02-refutability.html')
      .note(`the matched value is of type \`${printTy(pat.ty)}\``);
    this.typeNotes(d, pat.ty, missing);
    const variants = names.length === 1 ? "the variant that isn't matched" : "the variants that aren't matched";
    if (init) {
      if (patBindings(pat).length > 0) {
        d.suggest({ lo: init.span.hi, hi: init.span.hi }, `you might want to use \`let...else\` to handle ${variants}`, ' else { todo!() }', 'verbose', 'HasPlaceholders');
      } else {
        const letKw = this.letKeyword(pat.span);
        if (letKw) {
          d.suggest(letKw, `you might want to use \`if let\` to ignore ${variants}`, `if let ${textOf(this.ctx, { lo: pat.span.lo, hi: init.span.hi })} { todo!() }`, 'verbose', 'HasPlaceholders').parts([
            { span: { lo: letKw.lo, hi: letKw.lo }, replacement: 'if ' },
            { span: { lo: init.span.hi, hi: init.span.hi }, replacement: ' { todo!() }' },
          ]);
        }
        // A number where a name was meant: `let 1 = x;`.
        if (pat.kind === 'const' && /^[0-9]/.test(textOf(this.ctx, pat.span))) {
          d.suggest({ lo: pat.span.lo, hi: pat.span.lo }, 'alternatively, you could prepend the pattern with an underscore to define a new named variable; identifiers cannot begin with digits', '_', 'verbose', 'MaybeIncorrect');
        }
      }
    }
    this.ctx.out.push(d.build());
  }

  /** The `let` keyword before a pattern. */
  private letKeyword(patSpan: Span): Span | undefined {
    const file = this.ctx.sourceMap.fileAt(patSpan.lo);
    const before = file.text.slice(0, patSpan.lo - file.start);
    const m = /let\s*$/.exec(before);
    return m ? { lo: file.start + m.index, hi: file.start + m.index + 3 } : undefined;
  }
}

export function checkPatterns(ctx: PassContext, owner: BodyOwner): void {
  const c = new PatternChecker(ctx);
  for (const p of owner.body.params) {
    const rows = lowerPat(p).map((a) => [a]);
    if (p.ty.kind !== 'error' && missingOf(rows, p.ty).length > 0) {
      const names = missingOf(rows, p.ty).map(printWitness);
      ctx.out.push(error('refutable pattern in function argument', 'E0005').primary(p.span, `pattern${names.length === 1 ? '' : 's'} ${joinPatterns(names)} not covered`).note(`the matched value is of type \`${printTy(p.ty)}\``).build());
    }
  }
  c.visitBlock(owner.body.block);
}
