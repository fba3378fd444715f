// A grid of characters that grows on demand: the renderer writes gutters, code, underlines and
// labels at (row, column) and reads the rows back with trailing blanks trimmed, as rustc's
// StyledBuffer does (without the styles: Bootlab prints with `--color never`).
export class TextBuffer {
  private readonly rows: string[][] = [];

  get rowCount(): number {
    return this.rows.length;
  }

  putc(row: number, col: number, ch: string): void {
    while (this.rows.length <= row) this.rows.push([]);
    const r = this.rows[row]!;
    while (r.length < col) r.push(' ');
    r[col] = ch;
  }

  puts(row: number, col: number, text: string): void {
    let c = col;
    for (const ch of text) this.putc(row, c++, ch);
  }

  get(row: number, col: number): string {
    return this.rows[row]?.[col] ?? ' ';
  }

  /** Appends an empty row and returns its index. */
  addRow(): number {
    this.rows.push([]);
    return this.rows.length - 1;
  }

  lines(): string[] {
    return this.rows.map((r) => r.join('').replace(/\s+$/, ''));
  }
}
