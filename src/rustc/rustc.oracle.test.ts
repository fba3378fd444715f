// Differential tests of the front end against the host's rustc (stable 1.95; `-Z` flags through
// RUSTC_BOOTSTRAP=1 so that `-Zparse-crate-root-only` stops it after parsing, like us):
//  - every program in testdata/errors: our stderr text equals rustc's, byte for byte
//    (a first line `// oracle: full` compiles the file fully instead, for checks rustc makes
//    after parsing, such as literal suffixes);
//  - every program in testdata/corpus: neither reports anything;
//  - seeded token mutations of the corpus: we accept and reject the same programs, and our first
//    diagnostic (message and location) is rustc's for most of them.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusFiles } from './fuzz/corpus.ts';
import { mutate, Prng } from './fuzz/mutate.ts';
import { parseCrate, renderAllHuman, toJson } from './index.ts';

function rustc(dir: string, file: string, full: boolean, json = false): string {
  const args = (json ? ['--error-format=json'] : []).concat(full
    ? ['--edition', '2021', '--crate-type', 'lib', '--color', 'never', '--emit=metadata', '-o', join(dir, file + '.rmeta'), file]
    : ['-Zparse-crate-root-only', '--edition', '2021', '--crate-type', 'lib', '--color', 'never', file]);
  const r = spawnSync('rustc', args, { cwd: dir, env: { ...process.env, RUSTC_BOOTSTRAP: '1' }, encoding: 'utf8' });
  if (r.error) throw r.error;
  return r.stderr;
}

function ours(source: string, file: string, full: boolean): string {
  const r = parseCrate(source, file, { validateLiterals: full });
  return r.diagnostics.length ? renderAllHuman(r.diagnostics, r.sourceMap) : '';
}

const errorsDir = new URL('./testdata/errors/', import.meta.url).pathname;

describe('diagnostics against rustc, byte for byte', () => {
  const files = readdirSync(errorsDir).filter((n) => n.endsWith('.rs')).sort();
  it('has a suite of erroneous programs', () => expect(files.length).toBeGreaterThanOrEqual(30));
  for (const file of files) {
    it(file, () => {
      const source = readFileSync(join(errorsDir, file), 'utf8');
      const full = source.startsWith('// oracle: full');
      const expected = rustc(errorsDir, file, full);
      expect(expected).not.toBe('');
      expect(ours(source, file, full)).toBe(expected);
    });
  }
});

/** The fields of rustc's JSON that Monaco markers and tests use, with spans in a fixed order. */
function project(d: any): unknown {
  const spans = (d.spans as any[])
    .map((s) => ({
      byte_start: s.byte_start, byte_end: s.byte_end, line_start: s.line_start, line_end: s.line_end,
      column_start: s.column_start, column_end: s.column_end, is_primary: s.is_primary, label: s.label,
      suggested_replacement: s.suggested_replacement, text: s.text,
    }))
    .sort((a, b) => a.byte_start - b.byte_start || a.byte_end - b.byte_end || Number(a.is_primary) - Number(b.is_primary));
  return { message: d.message, code: d.code?.code ?? null, level: d.level, spans, children: (d.children as any[]).map(project), rendered: d.rendered };
}

describe('JSON diagnostics against rustc --error-format=json', () => {
  const files = readdirSync(errorsDir).filter((n) => n.endsWith('.rs') && !readFileSync(join(errorsDir, n), 'utf8').startsWith('// oracle: full')).sort();
  for (const file of files) {
    it(file, () => {
      const source = readFileSync(join(errorsDir, file), 'utf8');
      const theirs = rustc(errorsDir, file, false, true)
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l))
        .filter((d) => !/^(aborting due to|For more information|Some errors have)/.test(d.message))
        .map(project);
      const r = parseCrate(source, file, { validateLiterals: false });
      expect(r.diagnostics.map((d) => project(toJson(d, r.sourceMap)))).toEqual(theirs);
    });
  }
});

describe('the corpus', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bootlab-rustc-corpus-'));
  for (const { name, source } of corpusFiles()) {
    it(`${name} parses cleanly with rustc and with us`, () => {
      writeFileSync(join(dir, name), source);
      expect(rustc(dir, name, false)).toBe('');
      expect(ours(source, name, false)).toBe('');
    });
  }
});

describe('mutated programs', () => {
  it('are accepted and rejected as rustc does, with the same first error for most', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bootlab-rustc-mutants-'));
    const corpus = corpusFiles();
    const rng = new Prng(0xb007);
    const N = Number(process.env.RUSTC_MUTANTS ?? 200);
    let acceptAgree = 0;
    let bothReject = 0;
    let firstAgree = 0;
    const disagreements: string[] = [];
    for (let n = 0; n < N; n++) {
      const base = corpus[rng.below(corpus.length)]!;
      const { source } = mutate(base.source, rng);
      const name = `mutant${n}.rs`;
      writeFileSync(join(dir, name), source);
      const theirs = rustc(dir, name, false);
      const mine = ours(source, name, false);
      if ((theirs === '') === (mine === '')) acceptAgree++;
      else disagreements.push(`${name} (from ${base.name}): rustc ${theirs ? 'rejects' : 'accepts'}, we ${mine ? 'reject' : 'accept'}`);
      if (theirs && mine) {
        bothReject++;
        const head = (s: string) => s.split('\n').slice(0, 2).join('\n');
        if (head(theirs) === head(mine)) firstAgree++;
      }
    }
    console.log(`rustc agreement on ${N} mutants: accept/reject ${acceptAgree}/${N}; first diagnostic ${firstAgree}/${bothReject}`);
    if (disagreements.length) console.log(disagreements.join('\n'));
    expect(acceptAgree / N).toBeGreaterThanOrEqual(0.97);
    expect(firstAgree / bothReject).toBeGreaterThanOrEqual(0.85);
  });
});
