// What a compiler reported for one program, reduced to what the negative tests compare: each
// error's code (rustc's E-code, or the lint name for a deny-by-default lint), message and the
// position of its first primary span. Both rustc's `--error-format=json` output and our own
// diagnostics (through the same JSON shape, `toJson`) are read into this one form.
import type { JsonDiagnostic } from '../diagnostics/json.ts';

export interface ReportedError {
  /** `E0308`, a lint name such as `overflowing_literals`, or null (syntax errors, lang items). */
  code: string | null;
  message: string;
  /** The file of the first primary span, as the compiler was given it (`main.rs`, `vga_buffer.rs`); null without a span. */
  file: string | null;
  /** 1-based line and column of the first primary span; null when the error has no span. */
  line: number | null;
  column: number | null;
}

/** testdata/NAME.expected.json: what the host rustc reported, so `npm test` needs no rustc. */
export interface ExpectedRecord {
  /** `rustc --version` of the compiler that was recorded. */
  rustc: string;
  /** The error-level diagnostics in rustc's order (warnings and the "aborting" summary left out). */
  errors: ReportedError[];
  /** The human rendering of the first error, for the owners to read beside ours. */
  firstRendered: string | null;
}

/** rustc's summary lines are diagnostics in JSON too; they are not errors of the program. */
const SUMMARY = /^(aborting due to|Some errors have|For more information)/;

export function errorFromJson(d: JsonDiagnostic): ReportedError {
  const p = d.spans.find((s) => s.is_primary);
  return { code: d.code?.code ?? null, message: d.message, file: p?.file_name ?? null, line: p?.line_start ?? null, column: p?.column_start ?? null };
}

/** The error diagnostics among rustc's JSON lines (stderr of `rustc --error-format=json`). */
export function errorsFromRustcStderr(stderr: string): { errors: ReportedError[]; firstRendered: string | null } {
  const diags = stderr
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as JsonDiagnostic)
    .filter((d) => d.level === 'error' && !SUMMARY.test(d.message));
  return { errors: diags.map(errorFromJson), firstRendered: diags[0]?.rendered ?? null };
}
