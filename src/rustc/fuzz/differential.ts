// Differential fuzzing against rustc: syntax-keeping mutants of programs both compilers build
// (tokens replaced: replace.ts; or lines deleted, duplicated, swapped: lines.ts), each judged by the host's rustc and by us. Where the two disagree — one accepts
// what the other rejects, or both reject with a different first error — the mutant is a program
// "not seen before" on which we do not behave as rustc, for the stage owners to look at.
// A refusal that names an unsupported construct ("does not support") is our subset's honest
// limit, counted apart. Node only (spawns rustc).
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileForDiagnostics, reportedErrors } from '../negative/compile.ts';
import { errorsFromRustcStderr, type ReportedError } from '../negative/record.ts';
import { Prng } from './mutate.ts';
import { replaceTokens } from './replace.ts';
import type { Seed } from './seeds.ts';

export type Agreement =
  | 'both accept'
  | 'same first error'
  | 'other first error'
  | 'we refuse an unsupported construct'
  | 'we reject what rustc accepts'
  | 'we accept what rustc rejects';

export interface Judged {
  seed: string;
  source: string;
  /** The lines the mutation changed, `line: before → after`. */
  change: string;
  theirs?: ReportedError;
  ours?: ReportedError;
  agreement: Agreement;
}

/** rustc's first error on a program, built as cargo builds the post's kernel (minus linking). */
export function rustcFirstError(dir: string, source: string): ReportedError | undefined {
  const file = join(dir, 'mutant.rs');
  writeFileSync(file, source);
  const r = spawnSync('rustc', ['--edition', '2021', '--crate-type', 'bin', '--error-format=json', '-C', 'panic=abort', '--emit=obj', '-o', join(dir, 'mutant.o'), 'mutant.rs'], { cwd: dir, encoding: 'utf8' });
  if (r.error) throw r.error;
  return errorsFromRustcStderr(r.stderr).errors[0];
}

/**
 * What a mutation changed: a line diff (longest common subsequence of lines, so a deleted or
 * duplicated line does not shift everything after it), as `-N: text` for a line of the seed
 * that is gone and `+N: text` for a line of the mutant that is new, at most six of them.
 */
function changedLines(before: string, after: string): string {
  const a = before.split('\n');
  const b = after.split('\n');
  // lcs[i][j]: length of the longest common subsequence of a[i..] and b[j..].
  const lcs = Array.from({ length: a.length + 1 }, () => new Uint16Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) for (let j = b.length - 1; j >= 0; j--) lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      i++;
      j++;
    } else if (j < b.length && (i === a.length || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) out.push(`+${++j}: \`${b[j - 1]!.trim()}\``);
    else out.push(`-${++i}: \`${a[i - 1]!.trim()}\``);
  }
  return out.slice(0, 6).join(', ') + (out.length > 6 ? `, … (${out.length} changed lines)` : '');
}

export function agreementOf(theirs: ReportedError | undefined, ours: ReportedError | undefined): Agreement {
  if (!theirs && !ours) return 'both accept';
  if (ours && /does not support/.test(ours.message)) return 'we refuse an unsupported construct';
  if (!theirs) return 'we reject what rustc accepts';
  if (!ours) return 'we accept what rustc rejects';
  return theirs.code === ours.code && theirs.line === ours.line ? 'same first error' : 'other first error';
}

/**
 * Mutants of a seed we do not build unmutated (a known failure of the runtime suite) would only
 * repeat that failure: such seeds are skipped.
 */
export function judgeMutants(seeds: readonly Seed[], runs: number, seed: number, dir: string, mutator: (src: string, rng: Prng) => string = replaceTokens): Judged[] {
  const rng = new Prng(seed);
  const judged: Judged[] = [];
  const healthy = new Map<string, boolean>();
  for (let n = 0; n < runs; n++) {
    const base = seeds[rng.below(seeds.length)]!;
    if (!healthy.has(base.name)) healthy.set(base.name, compileForDiagnostics(base.source, 'mutant.rs').reached === 'compiled');
    if (!healthy.get(base.name)) continue;
    const source = mutator(base.source, rng);
    if (source === base.source) continue;
    const theirs = rustcFirstError(dir, source);
    const ours = reportedErrors(compileForDiagnostics(source, 'mutant.rs'))[0];
    judged.push({ seed: base.name, source, change: changedLines(base.source, source), theirs, ours, agreement: agreementOf(theirs, ours) });
  }
  return judged;
}

export function agreementCounts(judged: readonly Judged[]): Record<Agreement, number> {
  const counts = { 'both accept': 0, 'same first error': 0, 'other first error': 0, 'we refuse an unsupported construct': 0, 'we reject what rustc accepts': 0, 'we accept what rustc rejects': 0 };
  for (const j of judged) counts[j.agreement]++;
  return counts;
}

const show = (e: ReportedError | undefined) => (e ? `${e.code ?? 'no code'} at ${e.line}:${e.column} ${e.message}` : 'accepted');

/** DIVERGENCES.md: the counts, then every disagreement (seed, change, both first errors). */
export function divergenceReport(judged: readonly Judged[], command: string): string {
  const counts = agreementCounts(judged);
  const lines = [
    '# Where we disagree with rustc on mutated programs',
    '',
    `Written by \`${command}\` at ${new Date().toISOString().slice(0, 16)} UTC. ${judged.length}`,
    'mutants (one to three tokens replaced, replace.ts, or lines deleted/duplicated/swapped, lines.ts) of programs both compilers build, judged by',
    'rustc 1.95 (as negative.oracle.test.ts runs it) and by us. Counts:',
    '',
    ...Object.entries(counts).map(([k, v]) => `- ${k}: ${v}`),
    '',
  ];
  for (const kind of ['we accept what rustc rejects', 'we reject what rustc accepts', 'other first error'] as const) {
    const items = judged.filter((j) => j.agreement === kind);
    if (items.length === 0) continue;
    lines.push(`## ${kind} (${items.length})`, '');
    for (const j of items) lines.push(`- \`${j.seed}\`, ${j.change}`, `  - rustc: ${show(j.theirs)}`, `  - ours: ${show(j.ours)}`);
    lines.push('');
  }
  return lines.join('\n');
}
