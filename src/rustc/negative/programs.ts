// The negative programs (testdata/*.rs, each with one mistake, and rustc's record of it beside it
// in NAME.expected.json) and the programs outside the subset (unsupported/*.rs, which rustc
// accepts and we must refuse by name). Node only: tests read them from disk.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { ExpectedRecord } from './record.ts';

export const testdataDir = new URL('./testdata/', import.meta.url).pathname;
export const unsupportedDir = new URL('./unsupported/', import.meta.url).pathname;

export interface NegativeProgram {
  /** File name, `e0308_missing_as.rs`: rustc names the crate after its stem. */
  file: string;
  source: string;
  /** Absent until recorded with UPDATE_EXPECTED=1. */
  expected?: ExpectedRecord;
}

export function expectedPath(file: string): string {
  return testdataDir + file.replace(/\.rs$/, '.expected.json');
}

function rsFiles(dir: string): string[] {
  return readdirSync(dir).filter((n) => n.endsWith('.rs')).sort();
}

export function negativePrograms(): NegativeProgram[] {
  return rsFiles(testdataDir).map((file) => {
    const source = readFileSync(testdataDir + file, 'utf8');
    const path = expectedPath(file);
    const expected = existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as ExpectedRecord) : undefined;
    return { file, source, expected };
  });
}

export function unsupportedPrograms(): Array<{ file: string; source: string }> {
  return rsFiles(unsupportedDir).map((file) => ({ file, source: readFileSync(unsupportedDir + file, 'utf8') }));
}
