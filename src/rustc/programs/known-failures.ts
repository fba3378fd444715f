// Programs (and build modes) that Bootlab's compiler does not handle yet, with the stage and the
// first diagnostic or mismatch: written by `npx tsx src/rustc/programs/status.ts` together with
// STATUS.md. The tests expect these to fail (vitest `it.fails`), so a fix turns its entry red
// until the list is regenerated: that keeps the list honest.
import { readFileSync, existsSync } from 'node:fs';
import type { Mode } from './harness.ts';

export interface KnownFailure {
  program: string;
  mode: Mode;
  stage: string;
  message: string;
}

const FILE = new URL('./known-failures.json', import.meta.url);

export function knownFailures(): KnownFailure[] {
  return existsSync(FILE) ? (JSON.parse(readFileSync(FILE, 'utf8')) as KnownFailure[]) : [];
}

export function isKnownFailure(list: readonly KnownFailure[], program: string, mode: Mode): boolean {
  return list.some((f) => f.program === program && f.mode === mode);
}
