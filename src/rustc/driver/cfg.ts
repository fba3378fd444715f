// Conditional compilation, as rustc does it during expansion: `#[cfg_attr(pred, attrs…)]` is
// replaced by its attributes when `pred` holds (and removed otherwise), then every node that can
// carry attributes (items, statements, fields, variants, match arms, parameters…) is removed
// when one of its `#[cfg(pred)]` does not hold. The configuration is the kernel target's
// (x86_64, target_os = "none", panic = "abort") plus the crate's enabled features.
import type { Attribute, TokenTree } from '../ast/ast.ts';
import { DiagnosticSink, error, warning } from '../diagnostics/diagnostic.ts';
import type { Token } from '../lexer/token.ts';
import { join, type Span } from '../span/span.ts';
import { attrArgs, attrName, parseMeta, splitCommas, ttSpan, type MetaItem } from './meta.ts';

export interface CfgOptions {
  readonly features: readonly string[];
  /** Release builds have no `debug_assertions`. */
  readonly release: boolean;
  /**
   * The features the package declares, when cargo asks rustc to check cfgs (it always does):
   * a `feature = "x"` outside them gets rustc's `unexpected_cfgs` warning. Absent: no check.
   */
  readonly declaredFeatures?: readonly string[];
}

/** `name = "value"` pairs that hold on the kernel target (x86_64-blog_os / x86_64-unknown-none). */
const TARGET_VALUES: Readonly<Record<string, readonly string[]>> = {
  target_arch: ['x86_64'],
  target_os: ['none'],
  target_env: [''],
  target_vendor: ['unknown'],
  target_endian: ['little'],
  target_pointer_width: ['64'],
  target_has_atomic: ['8', '16', '32', '64', 'ptr'],
  panic: ['abort'],
};

const CFG_DOC = 'for more information, visit <https://doc.rust-lang.org/reference/conditional-compilation.html#the-cfg-attribute>';

export class CfgEvaluator {
  private readonly features: Set<string>;

  constructor(private readonly options: CfgOptions, private readonly sink: DiagnosticSink) {
    this.features = new Set(options.features);
  }

  /** Whether a predicate holds. Malformed predicates are reported and count as false. */
  holds(m: MetaItem): boolean {
    switch (m.kind) {
      case 'word':
        // `test`, `unix`, `windows`, `doc`, `miri`… are all false for a kernel build.
        return m.name === 'debug_assertions' && !this.options.release;
      case 'nameValue':
        if (m.name === 'feature') {
          this.checkFeature(m.value, m.span);
          return this.features.has(m.value);
        }
        return (TARGET_VALUES[m.name] ?? []).includes(m.value);
      case 'list': {
        const table: Record<string, () => boolean> = {
          all: () => m.items.map((i) => this.holds(i)).every(Boolean),
          any: () => m.items.map((i) => this.holds(i)).some(Boolean),
          not: () => {
            if (m.items.length !== 1) {
              this.sink.emit(error('expected 1 cfg-pattern', 'E0536').primary(m.span));
              return false;
            }
            return !this.holds(m.items[0]!);
          },
        };
        const f = table[m.name];
        if (f) return f();
        this.sink.emit(error(`invalid predicate \`${m.name}\``, 'E0537').primary(m.span));
        return false;
      }
      case 'bad':
        this.sink.emit(error('expected identifier, found literal or other token in `cfg` predicate').primary(m.span));
        return false;
    }
  }

  /** cargo's check-cfg for `feature = "x"` (the `unexpected_cfgs` lint, as rustc 1.95 words it under cargo). */
  private checkFeature(value: string, span: Span): void {
    const declared = this.options.declaredFeatures;
    if (!declared || declared.includes(value)) return;
    const d = warning(`unexpected \`cfg\` condition value: \`${value}\``).primary(span);
    if (declared.length === 0) d.suggest(span, 'remove the condition', '', 'short', 'MaybeIncorrect').note('no expected values for `feature`');
    else d.note(`expected values for \`feature\` are: ${declared.map((f) => `\`${f}\``).join(', ')}`);
    d.help(`consider adding \`${value}\` as a feature in \`Cargo.toml\``)
      .note('see <https://doc.rust-lang.org/nightly/rustc/check-cfg/cargo-specifics.html> for more information about checking conditional configuration');
    if (!this.lintNoted) d.note('`#[warn(unexpected_cfgs)]` on by default');
    this.lintNoted = true;
    this.sink.emit(d);
  }

  private lintNoted = false;

  /** `#[cfg(pred)]`: exactly one predicate in parentheses (else E0805, as rustc). */
  cfgAttrHolds(a: Attribute): boolean {
    const group = attrArgs(a);
    const pieces = group ? splitCommas(group.tts) : [];
    if (!group || pieces.length !== 1) {
      const d = error('malformed `cfg` attribute input', 'E0805').primary(a.span);
      if (group) d.secondary(join(group.open, group.close), 'expected a single argument here');
      d.suggest(a.span, 'must be of the form', `#${a.inner ? '!' : ''}[cfg(predicate)]`, 'inline', 'HasPlaceholders').note(CFG_DOC);
      this.sink.emit(d);
      return false;
    }
    return this.holds(parseMeta(pieces[0]!));
  }

  /** Replaces each `#[cfg_attr(pred, a, b…)]` by `a, b…` when pred holds, recursively. */
  expandCfgAttr(attrs: readonly Attribute[]): Attribute[] {
    const out: Attribute[] = [];
    for (const a of attrs) {
      if (attrName(a) !== 'cfg_attr' || a.doc !== undefined) {
        out.push(a);
        continue;
      }
      const group = attrArgs(a);
      const pieces = group ? splitCommas(group.tts) : [];
      if (!group || pieces.length === 0) {
        this.sink.emit(error('malformed `cfg_attr` attribute input').primary(a.span)
          .suggest(a.span, 'missing condition and attribute', `#${a.inner ? '!' : ''}[cfg_attr(condition, attribute, other_attribute, ...)]`, 'inline', 'HasPlaceholders')
          .note('for more information, visit <https://doc.rust-lang.org/reference/conditional-compilation.html#the-cfg_attr-attribute>'));
        continue;
      }
      if (!this.holds(parseMeta(pieces[0]!))) continue;
      const expanded = pieces.slice(1).map((p) => attributeFromTokens(p, a.inner)).filter((x): x is Attribute => x !== undefined);
      out.push(...this.expandCfgAttr(expanded));
    }
    return out;
  }

  /** Expands `cfg_attr` in place and says whether the node's `cfg`s all hold. */
  keep(attrs: Attribute[]): boolean {
    const expanded = this.expandCfgAttr(attrs);
    attrs.splice(0, attrs.length, ...expanded);
    let keep = true;
    for (const a of expanded) if (attrName(a) === 'cfg' && a.doc === undefined && !this.cfgAttrHolds(a)) keep = false;
    return keep;
  }
}

/** `path args…` tokens of a `cfg_attr` piece as an attribute. */
function attributeFromTokens(tts: TokenTree[], inner: boolean): Attribute | undefined {
  const segments: { ident: { name: string; span: ReturnType<typeof ttSpan> } }[] = [];
  let i = 0;
  while (i < tts.length) {
    const t = tts[i]!;
    if (t.kind !== 'ident') break;
    segments.push({ ident: { name: (t as Token).text, span: t.span } });
    i++;
    const sep = tts[i];
    if (sep && sep.kind === 'punct' && (sep as Token).text === '::' && tts[i + 1]?.kind === 'ident') i++;
    else break;
  }
  if (segments.length === 0) return undefined;
  const span = join(ttSpan(tts[0]!), ttSpan(tts[tts.length - 1]!));
  const pathSpan = join(segments[0]!.ident.span, segments[segments.length - 1]!.ident.span);
  return { span, inner, path: { span: pathSpan, global: false, segments }, tts: tts.slice(i) };
}

/** Keys of AST nodes that never hold attribute-carrying nodes (token trees, spans, literals). */
const SKIP_KEYS = new Set(['span', 'tts', 'attrs', 'innerAttrs', 'lit', 'open', 'close', 'ident', 'path', 'body-tokens']);

function hasAttrs(x: unknown): x is { attrs: Attribute[]; innerAttrs?: Attribute[] } {
  return typeof x === 'object' && x !== null && Array.isArray((x as { attrs?: unknown }).attrs);
}

/**
 * Strips the tree under `node` in place: every array element carrying attributes is kept only
 * when its cfgs hold (an out-of-line or inline module's `#![cfg]` counts too).
 */
export function stripCfg(node: unknown, cfg: CfgEvaluator): void {
  if (Array.isArray(node)) {
    const kept: unknown[] = [];
    for (const el of node as unknown[]) {
      if (hasAttrs(el)) {
        if (!cfg.keep(el.attrs)) continue;
        if (Array.isArray(el.innerAttrs) && !cfg.keep(el.innerAttrs)) continue;
      }
      stripCfg(el, cfg);
      kept.push(el);
    }
    if (kept.length !== node.length) node.splice(0, node.length, ...kept);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const o = node as Record<string, unknown>;
  for (const key in o) {
    const value = o[key];
    if (typeof value !== 'object' || value === null || SKIP_KEYS.has(key)) continue;
    stripCfg(value, cfg);
  }
}
