// Differential test on variants of the test programs, against the host rustc: each program is
// changed in ways that move it between our passes' verdicts (a `mut` removed or added, an
// `unsafe` block unwrapped, `pub` dropped, a statement repeated), compiled by rustc and by us,
// and the diagnostics compared as in passes.oracle.test.ts. Variants where either compiler
// stops before these passes (type errors) are left out. Prints the agreement and requires
// most variants to agree (the rest are listed, for whoever owns them).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { comparable, compileProgram, programs, type Finding } from './testing.ts';

const dir = mkdtempSync(join(tmpdir(), 'passes-mutants-'));

function rustc(source: string, crateType: string, edition: string): Finding[] {
  writeFileSync(join(dir, 'm.rs'), source);
  const r = spawnSync('rustc', ['--edition', edition, '--crate-type', crateType, '--error-format=json', '-C', 'panic=abort', '--emit=obj', '-o', join(dir, 'm.o'), 'm.rs'], { cwd: dir, encoding: 'utf8' });
  const out: Finding[] = [];
  for (const line of r.stderr.split('\n')) {
    if (!line.startsWith('{')) continue;
    const d = JSON.parse(line) as { level: string; code: { code: string } | null; message: string; spans: Array<{ is_primary: boolean; line_start: number; column_start: number }> };
    if (/^\d+ warnings? emitted$|^aborting due to|^Some errors have|^For more information/.test(d.message)) continue;
    const s = d.spans.find((x) => x.is_primary);
    out.push({ level: d.level, code: d.code?.code ?? null, message: d.message, line: s?.line_start ?? 0, col: s?.column_start ?? 0 });
  }
  return out;
}

const at = (s: string, re: RegExp, f: (i: number) => string): string[] => [...s.matchAll(re)].map((m) => f(m.index!));

/** The changes, each giving every variant of a program it can make. */
const MUTATIONS: Array<(s: string) => string[]> = [
  (s) => at(s, /mut /g, (i) => s.slice(0, i) + s.slice(i + 4)),
  (s) => at(s, /unsafe \{/g, (i) => s.slice(0, i) + '{' + s.slice(i + 8)),
  (s) => at(s, /let /g, (i) => s.slice(0, i) + 'let mut ' + s.slice(i + 4)),
  (s) => at(s, /pub fn/g, (i) => s.slice(0, i) + 'fn' + s.slice(i + 6)),
];

/** Diagnostics of type checking, which ends compilation before the passes. */
const beforePasses = (f: Finding): boolean => /^E0(308|599|425|277|614|600|369|061|433|432|412|428|282)$/.test(f.code ?? '') || (f.level === 'error' && !f.code);

describe('checkCrate on variants of the test programs, against the host rustc', () => {
  it('agrees on most variants', () => {
    let total = 0;
    let same = 0;
    const differing: string[] = [];
    for (const p of programs()) {
      for (const mutate of MUTATIONS) {
        for (const source of mutate(p.source).slice(0, 2)) {
          const ours = compileProgram({ ...p, source }).findings;
          const theirs = rustc(source, p.crateType, p.edition);
          if (ours.some(beforePasses) || theirs.some(beforePasses)) continue;
          total++;
          const a = comparable(ours);
          const b = comparable(theirs);
          if (JSON.stringify(a) === JSON.stringify(b)) same++;
          else differing.push(`${p.name}: rustc [${b.join('; ')}] ours [${a.join('; ')}]`);
        }
      }
    }
    console.log(`checkCrate vs rustc on ${total} variants: ${same} agree\n${differing.join('\n')}`);
    expect(total).toBeGreaterThan(200);
    expect(same / total).toBeGreaterThanOrEqual(0.95);
  }, 900_000);
});
