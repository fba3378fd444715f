// Messages in NASM's layout: `file:line: error: text`, followed, for a line that came out of
// a macro, by one `file:line: ... from macro `name' defined here` line per level of expansion.
import type { Loc } from './preproc.ts';

/**
 * A message about one place (line 0: about the whole file); `notes` are extra lines NASM
 * prints after it (already formatted).
 */
export interface Diagnostic {
  readonly loc: Loc;
  readonly message: string;
  readonly notes?: readonly string[];
  /** Printed as `fatal:` instead of `error:`. */
  readonly fatal?: boolean;
}

function trailLines(loc: Loc): string {
  let s = '';
  if (loc.trail) for (const step of loc.trail) s += `\n${step.file}:${step.line}: ... from macro \`${step.name}' defined here`;
  return s;
}

export function formatDiagnostic(d: Diagnostic): string {
  const where = d.loc.line > 0 ? `${d.loc.file}:${d.loc.line}` : d.loc.file;
  let s = `${where}: ${d.fatal ? 'fatal' : 'error'}: ${d.message}${trailLines(d.loc)}`;
  if (d.notes) for (const n of d.notes) s += '\n' + n;
  return s;
}

/** NASM's follow-up line naming the first definition of a redefined label. */
export function originallyDefinedNote(loc: Loc, name: string): string {
  return `${loc.file}:${loc.line}: info: label \`${name}' originally defined here`;
}
