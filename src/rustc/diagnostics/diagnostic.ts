// The diagnostic model shared by every stage of the compiler: what rustc calls a Diag, reduced
// to what its human and JSON emitters print.
import type { Span } from '../span/span.ts';

export type Level = 'error' | 'warning' | 'note' | 'help';

export interface SpanLabel {
  span: Span;
  /** Text printed beside the underline; empty for a bare underline. */
  label: string;
  /** Primary spans are underlined with `^`, secondary ones with `-`. */
  primary: boolean;
}

/**
 * How rustc shows a suggested edit. `inline` becomes a label on the span,
 * "help: MESSAGE: `REPLACEMENT`"; `short` shows only "help: MESSAGE" (rustc's
 * span_suggestion_short); `verbose` is printed as a help line below.
 */
export type SuggestionStyle = 'inline' | 'short' | 'verbose';

export interface Suggestion {
  span: Span;
  replacement: string;
  /**
   * The edit as rustc states it when it is several separate replacements (e.g. both quotes of
   * `'ab'`): JSON lists each; the human form shows their combined effect (`span`/`replacement`).
   */
  parts?: Array<{ span: Span; replacement: string }>;
  /** Other replacements offered for the same span (rustc lists each as its own line). */
  alternatives?: string[];
  message: string;
  style: SuggestionStyle;
  applicability: 'MachineApplicable' | 'MaybeIncorrect' | 'HasPlaceholders' | 'Unspecified';
}

/** A `= note: …` or `= help: …` line, optionally with its own spans (then rendered as a sub-snippet). */
export interface SubDiagnostic {
  level: 'note' | 'help';
  message: string;
  spans: SpanLabel[];
}

export interface Diagnostic {
  level: Level;
  /** Error code such as E0308, or null. */
  code: string | null;
  /**
   * The lint that produced this diagnostic (`unused_variables`): rustc puts it in the JSON `code`
   * field but prints no `[…]` for it in the human format.
   */
  lint?: string;
  message: string;
  spans: SpanLabel[];
  children: SubDiagnostic[];
  suggestions: Suggestion[];
}

/** Fluent builder, so stages write `diag.error('…').primary(span, '…').note('…')`. */
export class DiagBuilder {
  readonly diag: Diagnostic;

  constructor(level: Level, message: string, code: string | null = null) {
    this.diag = { level, code, message, spans: [], children: [], suggestions: [] };
  }

  code(code: string): this {
    this.diag.code = code;
    return this;
  }

  primary(span: Span, label = ''): this {
    this.diag.spans.push({ span, label, primary: true });
    return this;
  }

  secondary(span: Span, label = ''): this {
    this.diag.spans.push({ span, label, primary: false });
    return this;
  }

  note(message: string): this {
    this.diag.children.push({ level: 'note', message, spans: [] });
    return this;
  }

  help(message: string): this {
    this.diag.children.push({ level: 'help', message, spans: [] });
    return this;
  }

  spanNote(span: Span, message: string): this {
    this.diag.children.push({ level: 'note', message, spans: [{ span, label: '', primary: true }] });
    return this;
  }

  suggest(span: Span, message: string, replacement: string, style: SuggestionStyle = 'inline', applicability: Suggestion['applicability'] = 'MachineApplicable'): this {
    this.diag.suggestions.push({ span, message, replacement, style, applicability });
    return this;
  }

  /** Attaches separate parts to the last suggestion (see Suggestion.parts). */
  parts(parts: Array<{ span: Span; replacement: string }>): this {
    const last = this.diag.suggestions[this.diag.suggestions.length - 1];
    if (last) last.parts = parts;
    return this;
  }

  build(): Diagnostic {
    return this.diag;
  }
}

export function error(message: string, code: string | null = null): DiagBuilder {
  return new DiagBuilder('error', message, code);
}

export function warning(message: string, code: string | null = null): DiagBuilder {
  return new DiagBuilder('warning', message, code);
}

/** Collects diagnostics in emission order. */
export class DiagnosticSink {
  readonly diagnostics: Diagnostic[] = [];

  emit(d: Diagnostic | DiagBuilder): void {
    this.diagnostics.push(d instanceof DiagBuilder ? d.build() : d);
  }

  get errorCount(): number {
    return this.diagnostics.filter((d) => d.level === 'error').length;
  }
}
