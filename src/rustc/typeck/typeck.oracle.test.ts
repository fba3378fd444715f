// Differential test against the host's rustc: each program of testdata/ is checked by rustc
// (`--error-format=json`, a no_std lib crate) and by Bootlab's analysis (against our core);
// the errors must agree in code, message and primary line:column. Lints and the checking
// passes' errors (engineer C's) are left out on both sides.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { byPosition, type Err, ourErrors, showErr as show } from './oracle-errors.ts';

const DIR = fileURLToPath(new URL('./testdata/', import.meta.url));
/** Codes reported by the checking passes (passes/), not by type checking. */
const PASS_CODES = new Set(['E0133', 'E0384', 'E0596', 'E0381', 'E0004', 'E0005', 'E0594']);

function rustcErrors(file: string): Err[] {
  let out = '';
  // The metadata goes to a scratch directory: rustc run as root renames its output over the
  // path it is given, and `-o /dev/null` would replace the device with a regular file.
  const scratch = mkdtempSync(join(tmpdir(), 'typeck-oracle-'));
  try {
    execFileSync('rustc', ['--edition', '2021', '--crate-type', 'lib', '--error-format=json', '--emit=metadata', '-o', join(scratch, 'out.rmeta'), file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    out = (e as { stderr: string }).stderr;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  const errs: Err[] = [];
  for (const line of out.split('\n')) {
    if (!line.startsWith('{')) continue;
    const d = JSON.parse(line) as { level: string; message: string; code?: { code: string } | null; spans: { is_primary: boolean; line_start: number; column_start: number }[] };
    if (d.level !== 'error' || d.message.startsWith('aborting due to')) continue;
    const p = d.spans.find((s) => s.is_primary);
    errs.push({ code: d.code?.code ?? '', message: d.message, at: p ? `${p.line_start}:${p.column_start}` : '' });
  }
  return errs.filter((e) => !PASS_CODES.has(e.code));
}

describe('type checking agrees with rustc 1.95', () => {
  for (const name of readdirSync(DIR).filter((f) => f.endsWith('.rs')).sort()) {
    it(name, () => {
      const file = DIR + name;
      const theirs = rustcErrors(file).sort(byPosition).map(show);
      // The record the unit test (typeck.test.ts) compares with, without rustc.
      const record = file.replace(/\.rs$/, '.errors');
      if (process.env.UPDATE_EXPECTED) writeFileSync(record, theirs.map((l) => `${l}\n`).join(''));
      expect(readFileSync(record, 'utf8')).toBe(theirs.map((l) => `${l}\n`).join(''));
      const ours = ourErrors(file).sort(byPosition).map(show);
      expect(ours).toEqual(theirs);
    });
  }
});
