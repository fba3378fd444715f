// Finds, shrinks and writes down compiler failures for the stage owners:
//   npx tsx src/rustc/fuzz/find-crashes.ts [RUNS=10000] [SEED=1] [edits|replacements|lines|compiling|all]
// runs the whole-compiler fuzzer (token edits, syntax-keeping replacements, line mutations,
// replacements in programs we build compiled in debug and release, or all four), keeps one
// mutant per distinct failure, shrinks it with minimize.ts (still failing with the same
// signature), adds the known failures among the adversarial programs, and writes CRASHES.md.
import { writeFileSync } from 'node:fs';
import { compileForDiagnostics } from '../negative/compile.ts';
import { negativePrograms } from '../negative/programs.ts';
import { statusRows } from '../negative/status.ts';
import { adversarialPrograms, KNOWN_FAILURES, killsTheProcess } from './adversarial.ts';
import { minimizeSource } from './minimize.ts';
import { compilingSeeds, fuzzSeeds } from './seeds.ts';
import { failureIn, fuzzWholeCompiler, groupFailures, summarize, type FuzzReport, type MutationKind } from './whole.ts';

/** Who owns each stage named in a failure signature (issue 6's split of the compiler's middle). */
const OWNERS: Array<[RegExp, string]> = [
  [/\b(parse|parser)\b/, 'front end'],
  [/\b(analyze|resolve|typeck)\b/, 'typeck (A)'],
  [/\blower\b/, 'lowering (B)'],
  [/\b(check|passes)\b/, 'passes (C)'],
  [/\b(driver|core|codegen)\b/, 'driver (D1)'],
];

const runs = Number(process.argv[2] ?? 10_000);
const seed = Number(process.argv[3] ?? 1);
const mode = process.argv[4] ?? 'all';
const kinds = mode === 'all' ? ['edits', 'replacements', 'lines', 'compiling'] : [mode];
const reports: FuzzReport[] = kinds.map((k) =>
  k === 'compiling' ? fuzzWholeCompiler(compilingSeeds(), runs, seed, 'replacements', true) : fuzzWholeCompiler(fuzzSeeds(), runs, seed, k as MutationKind));
for (const r of reports) console.log(summarize(r));
const report = { runs: runs * kinds.length, rejected: reports.reduce((n, r) => n + r.rejected, 0), failures: reports.flatMap((r) => r.failures), inherited: reports.reduce((n, r) => n + r.inherited, 0) };
const groups = groupFailures(report.failures);
const sections = groups.map((g) => {
  const release = g.signature.startsWith('release: ');
  const signature = g.signature.replace(/^release: /, '');
  const small = minimizeSource(g.source, (c) => failureIn(compileForDiagnostics(c, 'main.rs', release))?.signature === signature, 2000);
  const owner = OWNERS.find(([re]) => re.test(g.signature))?.[1] ?? 'unknown stage';
  const stack = failureIn(compileForDiagnostics(small, 'main.rs', release))?.stack;
  return [
    `## ${g.signature}`,
    '',
    `Owner: ${owner}. ${g.count} of ${report.runs} mutants; first from \`${g.seed}\`. Reduced program:`,
    '',
    '```rust',
    small.trimEnd(),
    '```',
    ...(stack ? ['', '```', stack.split('\n').slice(0, 12).join('\n'), '```'] : []),
    '',
  ].join('\n');
});
/** The adversarial programs share a kernel header (panic handler, `_start`); show what follows it. */
const HEADER = adversarialPrograms().find((p) => p.file === 'big_shift.rs')!.source.split('const X')[0]!;
const shorten = (line: string) => (line.length > 160 ? `${line.slice(0, 150)}… (${line.length} characters)` : line);
const body = (src: string) => (src.startsWith(HEADER) ? src.slice(HEADER.length) : src).trim().split('\n').map(shorten).join('\n');
const adversarial = adversarialPrograms()
  .filter((p) => KNOWN_FAILURES[p.file])
  .map((p) => {
    const now = killsTheProcess(p.file) ? 'not run (it would end this process)' : (failureIn(compileForDiagnostics(p.source, p.file))?.signature ?? 'no failure any more: remove it from KNOWN_FAILURES');
    return [`### adversarial/${p.file}`, '', `${KNOWN_FAILURES[p.file]}. Now: ${now}. The program (after the shared kernel header, if it has it):`, '', '```rust', body(p.source), '```', ''].join('\n');
  });
const negativeCrashes = statusRows(negativePrograms())
  .filter((r) => r.crash)
  .map((r) => {
    const p = negativePrograms().find((q) => q.file === r.program)!;
    return [`### negative/${r.program}`, '', `rustc: ${r.theirs.code ?? 'no code'} at line ${r.theirs.line}: ${r.theirs.message}. Ours: ${r.crash}.`, '', '```rust', body(p.source), '```', ''].join('\n');
  });
const text = [
  '# Compiler failures found by whole-compiler fuzzing',
  '',
  `Written by \`npx tsx src/rustc/fuzz/find-crashes.ts ${runs} ${seed} ${mode}\` at ${new Date().toISOString().slice(0, 16)} UTC:`,
  `${report.runs} mutants (${kinds.join(' and ')}), ${report.rejected} rejected with diagnostics, ${report.failures.length} failures in ${groups.length} distinct kinds (and ${report.inherited} failures the unmutated program has too, tracked by src/rustc/programs).`,
  'Each entry is one kind of failure (an exception escaping a stage, or an internal compiler error),',
  'with a mutant reduced to the tokens that still trigger it.',
  '',
  ...sections,
  '## Negative programs on which a stage fails (src/rustc/negative/testdata/)',
  '',
  ...(negativeCrashes.length ? negativeCrashes : ['None.', '']),
  '## Adversarial programs that fail (src/rustc/fuzz/adversarial/, skipped by adversarial.test.ts until fixed)',
  '',
  ...adversarial,
].join('\n');
writeFileSync(new URL('./CRASHES.md', import.meta.url).pathname, text);
console.log(`${report.failures.length} failures, ${groups.length} kinds; wrote CRASHES.md`);
