// What a check of one of the learner's files found: a message in the real tool's words, where
// it is (character offsets into the file), and which tool would have said it. The editor turns
// these into markers; the terminal prints them in the tool's own format.

export type Severity = 'error' | 'warning' | 'info';

/** Who would say this on a real machine: rustc, cargo, rustup, or Bootlab itself (teaching notes). */
export type DiagnosticSource = 'rustc' | 'cargo' | 'rustup' | 'bootlab';

export interface Diagnostic {
  severity: Severity;
  /** the message as the real tool prints it, without its `error: ` prefix and file wrapping */
  message: string;
  /** offsets into the file's text (UTF-16 code units), end exclusive; start === end marks a point */
  start: number;
  end: number;
  source: DiagnosticSource;
  /** extra lines: the tool's own `help:`/`note:` lines, then Bootlab's explanations */
  notes?: string[];
}

export interface LineCol {
  /** 1-based */
  line: number;
  /** 1-based, in characters */
  column: number;
}

/** 1-based line and column of an offset. */
export function lineColAt(text: string, offset: number): LineCol {
  const clamped = Math.max(0, Math.min(offset, text.length));
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < clamped; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: clamped - lineStart + 1 };
}

/** Offset of a 1-based line and column (clamped to the text). */
export function offsetAt(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf('\n', offset);
    if (nl < 0) return text.length;
    offset = nl + 1;
  }
  const lineEnd = text.indexOf('\n', offset);
  const max = lineEnd < 0 ? text.length : lineEnd;
  return Math.min(offset + Math.max(0, column - 1), max);
}

/** Errors first, then warnings, then notes; by position within a severity. */
export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  const rank = { error: 0, warning: 1, info: 2 } as const;
  return [...list].sort((a, b) => rank[a.severity] - rank[b.severity] || a.start - b.start);
}

/** A small stable hash (FNV-1a, 64-bit) printed as 16 hex digits. */
export function stableHash(text: string): string {
  let h = 0xcbf29ce484222325n;
  const prime = 0x100000001b3n;
  for (let i = 0; i < text.length; i++) {
    h ^= BigInt(text.charCodeAt(i));
    h = (h * prime) & 0xffffffffffffffffn;
  }
  return h.toString(16).padStart(16, '0');
}

/** `a`, `a` or `b`, `a`, `b` or `c` — the way serde lists expectations. */
export function oneOf(names: readonly string[]): string {
  const q = names.map((n) => `\`${n}\``);
  if (q.length <= 1) return q.join('');
  if (q.length === 2) return `${q[0]} or ${q[1]}`;
  return `one of ${q.join(', ')}`;
}

/** The closest name within a small edit distance, for “did you mean” notes. */
export function closest(name: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDist = Infinity;
  for (const c of candidates) {
    const d = editDistance(name.toLowerCase(), c.toLowerCase());
    if (d < bestDist) {
      bestDist = d;
      best = c;
    }
  }
  const limit = Math.max(1, Math.floor(name.length / 3));
  return bestDist <= limit ? best : undefined;
}

function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}
