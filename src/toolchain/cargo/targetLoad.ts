// What rustc prints when it cannot load the target file, in the words of the toolchain's date:
// today's serde loader (`missing field `arch` at line 12 column 1` under
// `error: error loading target specification:` and a help line), or the older hand-written
// loader (`Field arch in target specification is required`, unknown fields only a warning, the
// one-line `Error loading target specification: …. Run …` form). The checks themselves are
// config/targetSpec.ts's; this file only words them for the date.
import { lineColAt } from '../config/diagnostic.ts';
import type { TargetSpecResult } from '../config/targetSpec.ts';
import { hasChange } from '../drift.ts';

export interface TargetLoad {
  /** warnings rustc prints and goes on (old loader: unused fields) */
  warnings: string[];
  /** the error that stops rustc, as it prints it; undefined when the file loads */
  error?: string;
}

const HELP = 'run `rustc --print target-list` for a list of built-in targets';

export function targetLoadMessages(text: string, result: TargetSpecResult, date: string): TargetLoad {
  const serde = hasChange(date, 'serde-target-spec');
  const newWrapper = hasChange(date, 'target-spec-error-format');
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  const warnings: string[] = [];
  let candidates = errors;
  if (!serde) {
    // the old loader only warned about fields it did not read
    const unknown = errors.filter((d) => d.message.startsWith('unknown field `')).map((d) => /^unknown field `([^`]*)`/.exec(d.message)![1]!);
    if (unknown.length) warnings.push(`warning: target json file contains unused fields: ${unknown.join(', ')}`);
    candidates = errors.filter((d) => !d.message.startsWith('unknown field `') && !d.message.startsWith('duplicate field'));
  }
  const first = candidates[0];
  if (!first) return { warnings };
  // the layout is compared when LLVM starts, after loading: not a load error
  if (first.message.startsWith('data-layout for target')) return { warnings, error: `error: ${first.message}\n` };

  let message = first.message;
  if (serde && !first.message.startsWith('target feature')) {
    // serde names the position where it noticed the problem: the end of the value, or of the object
    const offset = first.message.startsWith('missing field') ? text.lastIndexOf('}') + 1 : first.end;
    const { line, column } = lineColAt(text, Math.max(0, offset - 1));
    message += ` at line ${line} column ${column}`;
  } else if (!serde) {
    const missing = /^missing field `([^`]*)`$/.exec(message);
    if (missing) message = `Field ${missing[1]} in target specification is required`;
    const panic = /^panic-strategy: invalid [^:]*: '([^']*)'/.exec(message);
    if (panic) message = `'${panic[1]}' is not a valid value for panic-strategy. Use 'unwind' or 'abort'.`;
    const width = /^(target-pointer-width|target-c-int-width): invalid type/.exec(message);
    if (width) message = `${width[1]} must be an integer`;
  }
  const error = newWrapper
    ? `error: error loading target specification: ${message}\n  |\n  = help: ${HELP}\n`
    : `error: Error loading target specification: ${message}${/[.]$/.test(message) ? '' : '.'} Run \`rustc --print target-list\` for a list of built-in targets\n`;
  return { warnings, error };
}
