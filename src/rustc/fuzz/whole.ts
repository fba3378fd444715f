// One round of whole-compiler fuzzing: mutated seeds go through every stage the compiler has
// (negative/compile.ts), which must end in diagnostics or a compiled crate. A failure is an
// exception that escaped a stage (`crash`) or an internal-compiler-error diagnostic (a stage
// caught its own bug); failures are grouped by their first line so one bug is one entry.
import { compileForDiagnostics, isInternalError, type CompileOutcome } from '../negative/compile.ts';
import { mutate, Prng } from './mutate.ts';
import { mutateLines } from './lines.ts';
import { replaceTokens } from './replace.ts';
import type { Seed } from './seeds.ts';

export interface Failure {
  /** `throw in STAGE: message` or `ICE: message`: what groups failures into one bug. */
  signature: string;
  seed: string;
  source: string;
  stack?: string;
}

export function failureIn(outcome: CompileOutcome): Omit<Failure, 'seed' | 'source'> | null {
  if (outcome.crash) return { signature: `throw in ${outcome.crash.stage}: ${outcome.crash.message.split('\n')[0]}`, stack: outcome.crash.stack };
  const ice = outcome.diagnostics.find(isInternalError);
  if (ice) return { signature: `ICE: ${ice.message.split('\n')[0]}` };
  return null;
}

/**
 * A failure the unmutated seed has too (a program of the runtime suite that our compiler does
 * not build yet, tracked by that suite) is inherited, not found: counted apart.
 */
function seedSignatures(cache: Map<string, Set<string>>, base: Seed, release: boolean): Set<string> {
  const key = `${release}:${base.name}`;
  let sigs = cache.get(key);
  if (!sigs) {
    sigs = new Set<string>();
    const f = failureIn(compileForDiagnostics(base.source, 'main.rs', release));
    if (f) sigs.add(f.signature);
    cache.set(key, sigs);
  }
  return sigs;
}

export interface FuzzReport {
  runs: number;
  /** Mutants for which the compiler reported at least one error (most single-token edits break a program). */
  rejected: number;
  failures: Failure[];
  slowestMs: number;
  slowestSeed: string;
  /** How many mutants each stage was the last to run on (how deep the fuzzing goes). */
  reached: Record<string, number>;
  /** Failures whose unmutated seed fails the same way. */
  inherited: number;
}

/**
 * `edits`: the acceptance's token edits (deleted, duplicated, swapped: mutate.ts), or tokens
 * replaced by others of their class (replace.ts), which mostly keep the syntax valid and so
 * exercise the stages after the parser, or whole lines deleted, duplicated or swapped (lines.ts).
 */
export type MutationKind = 'edits' | 'replacements' | 'lines';

const MUTATORS: Record<MutationKind, (src: string, rng: Prng) => string> = {
  edits: (src, rng) => mutate(src, rng).source,
  replacements: replaceTokens,
  lines: mutateLines,
};

/** `release`: compile every mutant in release mode too (optimised IR, a second code path). */
export function fuzzWholeCompiler(seeds: readonly Seed[], runs: number, seed: number, kind: MutationKind = 'edits', release = false): FuzzReport {
  const rng = new Prng(seed);
  const seedCache = new Map<string, Set<string>>();
  const report: FuzzReport = { runs, rejected: 0, failures: [], slowestMs: 0, slowestSeed: '', reached: {}, inherited: 0 };
  for (let n = 0; n < runs; n++) {
    const base = seeds[rng.below(seeds.length)]!;
    const source = MUTATORS[kind](base.source, rng);
    const t0 = performance.now();
    const outcome = compileForDiagnostics(source, 'main.rs');
    const optimised = release && outcome.reached === 'compiled' ? compileForDiagnostics(source, 'main.rs', true) : undefined;
    const ms = performance.now() - t0;
    if (ms > report.slowestMs) {
      report.slowestMs = ms;
      report.slowestSeed = base.name;
    }
    if (outcome.diagnostics.some((d) => d.level === 'error')) report.rejected++;
    report.reached[outcome.reached] = (report.reached[outcome.reached] ?? 0) + 1;
    for (const [o, rel] of [[outcome, false], [optimised, true]] as const) {
      const f = o && failureIn(o);
      if (!f) continue;
      if (seedSignatures(seedCache, base, rel).has(f.signature)) report.inherited++;
      else report.failures.push({ ...f, signature: `${rel ? 'release: ' : ''}${f.signature}`, seed: base.name, source });
    }
  }
  return report;
}

/** One failure per signature, in order of first appearance, with how many mutants hit it. */
export function groupFailures(failures: readonly Failure[]): Array<Failure & { count: number }> {
  const groups = new Map<string, Failure & { count: number }>();
  for (const f of failures) {
    const g = groups.get(f.signature);
    if (g) g.count++;
    else groups.set(f.signature, { ...f, count: 1 });
  }
  return [...groups.values()];
}

export function describeFailures(failures: readonly Failure[]): string {
  return groupFailures(failures)
    .map((g) => `${g.signature} (${g.count}×, first from ${g.seed})\n--- program ---\n${g.source}\n${g.stack ? `--- stack ---\n${g.stack}\n` : ''}`)
    .join('\n');
}

export function summarize(report: FuzzReport): string {
  const stages = Object.entries(report.reached).map(([s, n]) => `${s} ${n}`).join(', ');
  return `${report.runs} mutants: ${report.rejected} rejected, ${report.failures.length} failures (${report.inherited} more inherited from their seed); last stage run: ${stages}; slowest ${report.slowestMs.toFixed(1)} ms (from ${report.slowestSeed})`;
}
