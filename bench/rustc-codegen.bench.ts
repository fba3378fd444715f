// Speed of generated code: each compute kernel of bench/kernels/ compiled by Bootlab and by the
// host's rustc at the same opt-level (ours debug vs rustc -O0, ours release vs rustc -O3), all
// linked with the same harness object, booted by our bootloader and run in Bootlab's machine.
// Figures are instructions executed for the kernel's rounds (the machine's clock, deterministic)
// and the ratio ours / rustc. Every build must compute the same result, or the benchmark fails.
// Bootlab builds the kernels from their Rust source through the compiler's driver once it can;
// until then, kernels with a hand-lowered IR version (codegen/hand-lowered.ts) use that.
import { readFileSync, readdirSync } from 'node:fs';
import { compileModule } from '../src/rustc/codegen/x86_64/object.ts';
import type { ObjectFile } from '../src/link/object.ts';
import { hostRustc, linkOurs, linkRustc, measure, type Measured } from './codegen/harness.ts';
import { HAND_LOWERED } from './codegen/hand-lowered.ts';
import { compileKernelSource } from './codegen/from-source.ts';
import type { BenchResult } from './run.ts';

const KERNELS = new URL('./kernels/', import.meta.url);
/** Rounds per kernel: a few hundred thousand to a few million instructions at -O3. */
const ROUNDS: Record<string, number> = { collatz: 4, sieve: 16, bubble: 16, checksum: 64, particles: 16 };

type Build = { label: string; objects: () => ObjectFile[] } | { label: string; missing: string };

/** Bootlab's build of a kernel: from source when the compiler can, else hand-lowered IR. */
async function ours(name: string, source: string, debug: boolean): Promise<Build> {
  const fromSource = await compileKernelSource(source, `${name}.rs`, debug);
  if (fromSource.ok) return { label: 'from source', objects: () => fromSource.objects };
  const hand = HAND_LOWERED[name];
  if (hand) return { label: 'hand-lowered IR', objects: () => [compileModule(hand(debug), { optLevel: debug ? 0 : 3 }).object] };
  return { label: '', missing: fromSource.reason };
}

export default async function benchGeneratedCode(): Promise<BenchResult[]> {
  const out: BenchResult[] = [];
  const rustc = hostRustc();
  if (!rustc) out.push({ name: 'rustc figures and ratios: need the host rustc (not found on PATH)', value: NaN, unit: '' });
  const names = readdirSync(KERNELS).filter((n) => n.endsWith('.rs')).map((n) => n.slice(0, -3)).sort();
  const releaseRatios: number[] = [];
  for (const name of names) {
    const source = readFileSync(new URL(`${name}.rs`, KERNELS), 'utf8');
    const rounds = ROUNDS[name] ?? 4;
    const results = new Set<bigint>();
    for (const [debug, rustcOpt] of [[true, 0], [false, 3]] as const) {
      const mode = debug ? 'debug' : 'release';
      let theirs: Measured | undefined;
      if (rustc) {
        theirs = measure(linkRustc(source, rustcOpt), rounds);
        results.add(theirs.result);
        out.push({ name: `${name}: rustc -O${rustcOpt}`, value: theirs.instructions, unit: 'instructions' });
      }
      const build = await ours(name, source, debug);
      if ('missing' in build) {
        out.push({ name: `${name}: Bootlab ${mode} — not compiled: ${build.missing}`, value: NaN, unit: '' });
        continue;
      }
      const mine = measure(linkOurs(build.objects()), rounds);
      results.add(mine.result);
      out.push({ name: `${name}: Bootlab ${mode} (${build.label})`, value: mine.instructions, unit: 'instructions' });
      if (theirs) {
        const ratio = mine.instructions / theirs.instructions;
        if (!debug) releaseRatios.push(ratio);
        out.push({ name: `${name}: Bootlab ${mode} / rustc -O${rustcOpt}`, value: ratio, unit: '×' });
      }
    }
    if (results.size > 1) throw new Error(`${name}: the builds disagree on the result: ${[...results].map((r) => r.toString(16)).join(', ')}`);
  }
  if (releaseRatios.length) {
    const geo = Math.exp(releaseRatios.reduce((s, r) => s + Math.log(r), 0) / releaseRatios.length);
    out.push({ name: `release / rustc -O3, geometric mean over ${releaseRatios.length} kernels (target ≤ 2)`, value: geo, unit: '×' });
  }
  return out;
}
