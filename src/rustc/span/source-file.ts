// One source file inside a SourceMap: its text and where its lines start, so positions can be
// turned into what rustc prints — 1-based lines, 1-based columns counted in chars (Unicode
// scalar values, not UTF-16 units or bytes) — and into UTF-8 byte offsets for the JSON format.
export interface LineCol {
  /** 1-based line number. */
  line: number;
  /** 0-based column in chars. */
  col: number;
}

export class SourceFile {
  /** Offsets (local, UTF-16 units) where each line starts; line 1 starts at 0. */
  readonly lineStarts: number[];

  constructor(
    readonly name: string,
    readonly text: string,
    /** Global position of the file's first unit. */
    readonly start: number,
  ) {
    this.lineStarts = [0];
    for (let i = 0; i < text.length; i++) {
      // A newline that ends the file does not open a line: rustc reports a position at the end
      // of such a file on its last line, after the newline.
      if (text.charCodeAt(i) === 10 && i + 1 < text.length) this.lineStarts.push(i + 1);
    }
  }

  get end(): number {
    return this.start + this.text.length;
  }

  contains(pos: number): boolean {
    return pos >= this.start && pos <= this.end;
  }

  /** 0-based index of the line holding a local offset. */
  lineIndex(local: number): number {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= local) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  lineCol(pos: number): LineCol {
    const local = pos - this.start;
    const idx = this.lineIndex(local);
    return { line: idx + 1, col: charCount(this.text, this.lineStarts[idx]!, local) };
  }

  /** Text of a 1-based line, without its line ending. */
  lineText(line: number): string {
    const from = this.lineStarts[line - 1] ?? this.text.length;
    const next = this.lineStarts[line];
    let to = next === undefined ? this.text.length : next;
    while (to > from && (this.text.charCodeAt(to - 1) === 10 || this.text.charCodeAt(to - 1) === 13)) to--;
    return this.text.slice(from, to);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** UTF-8 byte offset of a global position from the start of the file. */
  byteOffset(pos: number): number {
    return utf8Length(this.text, 0, pos - this.start);
  }

  slice(lo: number, hi: number): string {
    return this.text.slice(lo - this.start, hi - this.start);
  }
}

/** Number of chars (code points) in text[from, to). */
export function charCount(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < to) i++;
    n++;
  }
  return n;
}

export function utf8Length(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < to) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}
