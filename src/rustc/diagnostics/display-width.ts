// Display columns as rustc's emitter computes them: a tab is shown as four spaces, wide East
// Asian characters and emoji take two columns, everything else one.
export function charDisplayWidth(ch: string): number {
  if (ch === '\t') return 4;
  const cp = ch.codePointAt(0)!;
  if (cp === 0) return 1;
  if (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf && cp !== 0x303f) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1f64f) ||
    (cp >= 0x1f900 && cp <= 0x1f9ff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  )
    return 2;
  return 1;
}

/** The line as displayed (tabs expanded) and the display column of each char index. */
export function displayLine(text: string): { shown: string; colOf: (charIndex: number) => number } {
  const chars = [...text];
  const cols: number[] = [0];
  let shown = '';
  for (const ch of chars) {
    shown += ch === '\t' ? '    ' : ch;
    cols.push(cols[cols.length - 1]! + charDisplayWidth(ch));
  }
  return {
    shown,
    colOf: (i) => (i < cols.length ? cols[i]! : cols[cols.length - 1]! + (i - chars.length)),
  };
}
