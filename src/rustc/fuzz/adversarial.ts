// Small hand-written programs that push the compiler's limits (huge arrays, cycles between
// constants and types, deep nesting, long expressions, edge literals): each must end in
// diagnostics or a compiled crate, as with fuzzing. Some of them rustc accepts, some it rejects;
// either way we must not crash. Node only.
import { readdirSync, readFileSync } from 'node:fs';

const dir = new URL('./adversarial/', import.meta.url).pathname;

export function adversarialPrograms(): Array<{ file: string; source: string }> {
  return readdirSync(dir).filter((n) => n.endsWith('.rs')).sort().map((file) => ({ file, source: readFileSync(dir + file, 'utf8') }));
}

/**
 * Programs that make a stage fail today, by file, with the owner: reported in CRASHES.md and
 * skipped by the tests until fixed. Those marked "kills the process" run out of memory, which
 * no try/catch can stop, so nothing runs them in-process.
 */
export const KNOWN_FAILURES: Record<string, string> = {
  'sum_2000_terms.rs': 'passes (C) and lowering (B): stack overflow on a 2,000-term sum (ICE); rustc compiles it (500 terms pass)',
};

export const killsTheProcess = (file: string): boolean => KNOWN_FAILURES[file]?.startsWith('kills the process') ?? false;
