// The text mirror of the screen (for screen readers and tests): the 25 rows as Unicode, each
// without trailing blanks, blank rows at the end dropped, as `bootlab run` prints the screen.
import { CP437_TO_UNICODE } from '../../machine/devices/vga.ts';
import { TEXT_COLUMNS, TEXT_ROWS } from './frame.ts';

export function screenTextFromCells(cells: Uint16Array): string {
  const rows: string[] = [];
  for (let r = 0; r < TEXT_ROWS; r++) {
    let line = '';
    for (let c = 0; c < TEXT_COLUMNS; c++) line += CP437_TO_UNICODE[cells[r * TEXT_COLUMNS + c]! & 0xff]!;
    rows.push(line.replace(/[ \u00a0]+$/u, ''));
  }
  return rows.join('\n').replace(/\n+$/u, '');
}
