// Differential test against the host's rustc 1.95: each program in testdata/ is compiled by
// rustc (`--edition 2021 --crate-type lib|bin --error-format=json -C panic=abort`, emitting an
// object so the MIR lints run) and by us; every diagnostic's level, code, message and primary
// line:col must agree. Also checks that the recorded NAME.expected.json files (which the unit
// test uses) are what rustc prints today, and prints how many diagnostics render byte for byte
// as rustc's human format.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { comparable, compileProgram, expectedOf, KNOWN_DIFFERENCES, programs, TESTDATA, type Finding, type Program } from './testing.ts';

const out = mkdtempSync(join(tmpdir(), 'passes-oracle-'));

function rustc(p: Program): Finding[] {
  const r = spawnSync('rustc', ['--edition', p.edition, '--crate-type', p.crateType, '--error-format=json', '-C', 'panic=abort', '--emit=obj', '-o', join(out, `${p.name}.o`), p.file], { cwd: TESTDATA, encoding: 'utf8' });
  const found: Finding[] = [];
  for (const line of r.stderr.split('\n')) {
    if (!line.startsWith('{')) continue;
    const d = JSON.parse(line) as { level: string; code: { code: string } | null; message: string; rendered: string; spans: Array<{ is_primary: boolean; line_start: number; column_start: number }> };
    if (/^\d+ warnings? emitted$|^aborting due to|^Some errors have|^For more information/.test(d.message)) continue;
    const s = d.spans.find((x) => x.is_primary);
    found.push({ level: d.level, code: d.code?.code ?? null, message: d.message, line: s?.line_start ?? 0, col: s?.column_start ?? 0, rendered: d.rendered });
  }
  return found;
}

describe('checkCrate against the host rustc', () => {
  const all = programs();
  let same = 0;
  let rendered = 0;
  let total = 0;
  let ordered = 0;
  for (const p of all) {
    it(p.name, () => {
      const theirs = rustc(p);
      expect(comparable(expectedOf(p)), 'the recorded expectation is out of date: run record-expected.mjs').toEqual(comparable(theirs));
      const ours = compileProgram(p).findings;
      total += theirs.length;
      for (const t of theirs) {
        const o = ours.find((x) => x.line === t.line && x.col === t.col && x.message === t.message);
        if (o) same++;
        if (o && `${o.rendered}\n` === t.rendered) rendered++;
      }
      const key = (f: Finding): string => `${f.line}:${f.col} ${f.message}`;
      if (JSON.stringify(ours.map(key)) === JSON.stringify(theirs.map(key))) ordered++;
      if (KNOWN_DIFFERENCES[p.name]) expect(comparable(ours), `${p.name} now matches rustc: take it off KNOWN_DIFFERENCES`).not.toEqual(comparable(theirs));
      else expect(comparable(ours)).toEqual(comparable(theirs));
    });
  }
  it('prints the figures', () => {
    console.log(`checkCrate vs rustc: ${same}/${total} diagnostics found with the same message and position, ${rendered}/${total} rendered byte for byte, ${ordered}/${all.length} programs with rustc's order`);
  });
});
