// Reads the diagnostics out of what cargo and rustc printed, so that the Problems panel and the
// editor's markers show the compiler's findings too. rustc renders each one as a header line
// (`error[E0425]: message`, `warning: message`) followed by its primary location
// (` --> path:line:col`) a line later; a header without a location (`error: could not compile`)
// is about the build, not a place in a file, and is left to the terminal.
import type { Severity } from '../../toolchain/config/diagnostic.ts';

export interface ToolFinding {
  severity: Severity;
  message: string;
  path: string;
  /** 1-based, as rustc prints them */
  line: number;
  column: number;
}

const HEADER = /^(error|warning)(?:\[(E\d{4})\])?: (.+)$/;
const LOCATION = /^\s*--> ([^\s:]+):(\d+):(\d+)\s*$/;

export function findingsIn(lines: readonly string[]): ToolFinding[] {
  const found: ToolFinding[] = [];
  let header: { severity: Severity; message: string } | null = null;
  for (const text of lines) {
    const h = HEADER.exec(text);
    if (h) {
      header = { severity: h[1] === 'error' ? 'error' : 'warning', message: h[2] ? `${h[3]} [${h[2]}]` : h[3]! };
      continue;
    }
    const loc = LOCATION.exec(text);
    if (loc && header) {
      found.push({ ...header, path: loc[1]!.replace(/^\.\//, ''), line: Number(loc[2]), column: Number(loc[3]) });
      header = null; // only the primary location: later `-->` lines of the same message are secondary
    }
  }
  return found;
}
