// Negative programs against the host's rustc: each program in testdata/ has one mistake; rustc
// (stable 1.95, `--error-format=json`, a full build to an object so that MIR lints run too) must
// reject it as recorded in NAME.expected.json (UPDATE_EXPECTED=1 records it afresh), and our
// compiler must report the same first error code on the same line (issue 6's acceptance; those
// listed in known-divergences.ts are expected to differ, for their owners). The
// stricter comparison (message text and column) is printed as a table. The programs outside the
// subset (unsupported/) compile with rustc, and we refuse them with a diagnostic naming the
// construct.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileForDiagnostics, isInternalError, reportedErrors } from './compile.ts';
import { KNOWN_DIVERGENCES } from './known-divergences.ts';
import { statusTable } from './compare.ts';
import { expectedPath, negativePrograms, testdataDir, unsupportedDir, unsupportedPrograms } from './programs.ts';
import { errorsFromRustcStderr, type ExpectedRecord } from './record.ts';
import { statusRows, summaryLine } from './status.ts';

const out = mkdtempSync(join(tmpdir(), 'bootlab-negative-'));
const UPDATE = process.env.UPDATE_EXPECTED === '1';

function rustcVersion(): string {
  return spawnSync('rustc', ['--version'], { encoding: 'utf8' }).stdout.trim();
}

/** As cargo builds a no_std binary for the post's target, minus linking (the host has no such target). */
function rustc(dir: string, file: string): string {
  const args = ['--edition', '2021', '--crate-type', 'bin', '--error-format=json', '-C', 'panic=abort', '--emit=obj', '-o', join(out, 'out.o'), file];
  const r = spawnSync('rustc', args, { cwd: dir, encoding: 'utf8' });
  if (r.error) throw r.error;
  return r.stderr;
}

describe('negative programs: rustc\'s records', () => {
  const version = rustcVersion();
  for (const p of negativePrograms()) {
    it(`${p.file}: rustc rejects it as recorded`, () => {
      const live = errorsFromRustcStderr(p.crate ? rustc(p.crate.dir, p.crate.root) : rustc(testdataDir, p.file));
      expect(live.errors.length, 'a negative program must have a mistake rustc reports').toBeGreaterThan(0);
      const record: ExpectedRecord = { rustc: version, errors: live.errors, firstRendered: live.firstRendered };
      if (UPDATE) writeFileSync(expectedPath(p.file), JSON.stringify(record, null, 1) + '\n');
      else expect(live.errors, 'testdata record out of date: run with UPDATE_EXPECTED=1').toEqual(p.expected?.errors);
    });
  }
});

describe('negative programs: our first error against rustc\'s', () => {
  const programs = negativePrograms().filter((p) => p.expected);
  const rows = statusRows(programs);
  for (const row of rows) {
    const known = KNOWN_DIVERGENCES[row.program];
    (known ? it.fails : it)(`${row.program}: same error code and line as rustc${known ? ` (known to differ: ${known})` : ''}`, () => {
      expect(row.crash, 'the compiler crashed').toBeUndefined();
      expect({ code: row.ours?.code, file: row.ours?.file, line: row.ours?.line }).toEqual({ code: row.theirs.code, file: row.theirs.file, line: row.theirs.line });
    });
  }
  it('at least 40 programs get rustc\'s code and line (the stricter table is printed)', () => {
    console.log(`${summaryLine(rows)}\n${statusTable(rows)}`);
    expect(rows.length).toBeGreaterThanOrEqual(50);
    expect(rows.filter((r) => r.verdict === 'match').length).toBeGreaterThanOrEqual(40);
  });
});

describe('programs outside the subset', () => {
  for (const p of unsupportedPrograms()) {
    it(`${p.file}: rustc compiles it; we refuse it by name, without crashing`, () => {
      expect(errorsFromRustcStderr(rustc(unsupportedDir, p.file)).errors).toEqual([]);
      const outcome = compileForDiagnostics(p.source, p.file);
      expect(outcome.crash).toBeUndefined();
      expect(outcome.diagnostics.filter(isInternalError)).toEqual([]);
      const errors = reportedErrors(outcome);
      expect(errors[0]?.message ?? 'no error', 'the first error names what is not supported').toMatch(/does not support/);
    });
  }
});
