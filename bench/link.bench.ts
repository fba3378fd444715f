// Linker speed: the post's main.rs built by rustc (objects kept in src/link/testdata/objects)
// linked by Bootlab's linker with --gc-sections, as `cargo build` would have rust-lld link it.
// At opt-level 3 the kernel is one object; at opt-level 0 it also needs the host's libcore and
// compiler_builtins archives (read from the rustc sysroot when rustc is installed), which is the
// realistic case: a 3 MB archive searched for the members the kernel uses.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { linkFiles, type InputBytes } from '../src/link/index.ts';
import type { BenchResult } from './run.ts';

const objects = join(import.meta.dirname, '..', 'src', 'link', 'testdata', 'objects');

function input(path: string): InputBytes {
  return { name: path, bytes: new Uint8Array(readFileSync(path)) };
}

function hostArchives(): InputBytes[] | undefined {
  try {
    const sysroot = execFileSync('rustc', ['--print', 'sysroot'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const lib = join(sysroot, 'lib/rustlib/x86_64-unknown-linux-gnu/lib');
    const names = readdirSync(lib);
    const core = names.find((n) => /^libcore-.*\.rlib$/.test(n));
    const builtins = names.find((n) => /^libcompiler_builtins-.*\.rlib$/.test(n));
    if (!core || !builtins) return undefined;
    return [input(join(lib, core)), input(join(lib, builtins))];
  } catch {
    return undefined;
  }
}

/** Best of `runs` timed links, after one warm-up; returns milliseconds and the output size. */
function time(inputs: InputBytes[], runs: number): { ms: number; bytes: number } {
  const first = linkFiles(inputs, { gcSections: true });
  if (!first.ok) throw new Error(`link failed:\n${first.stderr}`);
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    linkFiles(inputs, { gcSections: true });
    best = Math.min(best, performance.now() - t0);
  }
  return { ms: best, bytes: first.bytes!.length };
}

/** rust-lld's wall time for the same link, for scale (it includes starting the process). */
function rustLldTime(paths: string[]): number | undefined {
  try {
    const sysroot = execFileSync('rustc', ['--print', 'sysroot'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const lld = join(sysroot, 'lib/rustlib/x86_64-unknown-linux-gnu/bin/rust-lld');
    const out = join(tmpdir(), `bootlab-bench-lld-${process.pid}`);
    let best = Infinity;
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      execFileSync(lld, ['-flavor', 'gnu', '-static', '-nostdlib', '-e', '_start', '--gc-sections', ...paths, '-o', out], { stdio: 'ignore' });
      best = Math.min(best, performance.now() - t0);
    }
    rmSync(out, { force: true });
    return best;
  } catch {
    return undefined;
  }
}

export default async function benchLinker(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const o3 = time([input(join(objects, 'post-main-O3.o'))], 20);
  results.push({ name: "link the post's kernel (rustc -O3, 1 object)", value: o3.ms, unit: 'ms' });
  const archives = hostArchives();
  if (archives) {
    const o0 = time([input(join(objects, 'post-main-O0.o')), input(join(objects, 'personality-O0.o')), ...archives], 5);
    results.push({ name: "link the post's kernel (rustc -O0) with libcore + compiler_builtins", value: o0.ms, unit: 'ms' });
    results.push({ name: 'size of that executable', value: o0.bytes, unit: 'bytes' });
    const lld = rustLldTime([join(objects, 'post-main-O0.o'), join(objects, 'personality-O0.o'), ...archives.map((a) => a.name)]);
    if (lld !== undefined) results.push({ name: 'rust-lld, same link (process included, best of 5)', value: lld, unit: 'ms' });
  }
  return results;
}
