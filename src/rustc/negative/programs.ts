// The negative programs (testdata/*.rs, each with one mistake, and rustc's record of it beside it
// in NAME.expected.json; a directory testdata/NAME/ is a crate of several files, main.rs its
// root, as the next post's `mod vga_buffer;` makes one) and the programs outside the subset
// (unsupported/*.rs, which rustc accepts and we must refuse by name). Node only.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import type { ExpectedRecord } from './record.ts';

export const testdataDir = new URL('./testdata/', import.meta.url).pathname;
export const unsupportedDir = new URL('./unsupported/', import.meta.url).pathname;

export interface NegativeProgram {
  /** File name, `e0308_missing_as.rs` (rustc names the crate after its stem), or the directory name of a crate of several files. */
  file: string;
  /** The crate root's text. */
  source: string;
  /** For a directory: where rustc runs, the root's name there (`main.rs`) and every file of the crate by name. */
  crate?: { dir: string; root: string; files: Map<string, string> };
  /** Absent until recorded with UPDATE_EXPECTED=1. */
  expected?: ExpectedRecord;
}

export function expectedPath(file: string): string {
  return testdataDir + file.replace(/\.rs$/, '') + '.expected.json';
}

function rsFiles(dir: string): string[] {
  return readdirSync(dir).filter((n) => n.endsWith('.rs')).sort();
}

function readExpected(file: string): ExpectedRecord | undefined {
  const path = expectedPath(file);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as ExpectedRecord) : undefined;
}

export function negativePrograms(): NegativeProgram[] {
  const single = rsFiles(testdataDir).map((file) => ({ file, source: readFileSync(testdataDir + file, 'utf8'), expected: readExpected(file) }));
  const crates = readdirSync(testdataDir)
    .filter((n) => statSync(testdataDir + n).isDirectory())
    .sort()
    .map((name) => {
      const dir = `${testdataDir}${name}/`;
      const files = new Map(rsFiles(dir).map((f) => [f, readFileSync(dir + f, 'utf8')]));
      return { file: name, source: files.get('main.rs') ?? '', crate: { dir, root: 'main.rs', files }, expected: readExpected(name) };
    });
  return [...single, ...crates].sort((a, b) => (a.file < b.file ? -1 : 1));
}

export function unsupportedPrograms(): Array<{ file: string; source: string }> {
  return rsFiles(unsupportedDir).map((file) => ({ file, source: readFileSync(unsupportedDir + file, 'utf8') }));
}
