// The rustc side of the differential suite (oracle tests only): the host's stable rustc builds a
// program for x86_64-unknown-linux-gnu the way src/boot/testdata/post-kernel/build.sh builds the
// post's kernel (no_std, panic=abort, static, SSE/MMX off, soft-float), linked by the sysroot's
// rust-lld with the ports and mem objects (ports.ts) as a static executable at 0x200000 with entry _start.
// Debug: opt-level 0 with debug assertions and overflow checks; release: opt-level 3.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Mode } from './harness.ts';
import { helperElf, MEM_ASM, PORTS_ASM } from './ports.ts';

export function hostRustcAvailable(): boolean {
  return spawnSync('rustc', ['--version']).status === 0;
}

let workDir: string | undefined;
let helpers: string[] | undefined;
let lldPath: string | undefined;

function setup(): { dir: string; helpers: string[]; lld: string } {
  workDir ??= mkdtempSync(join(tmpdir(), 'bootlab-programs-'));
  helpers ??= [PORTS_ASM, MEM_ASM].map((h) => {
    const path = join(workDir!, h.file.replace(/\.asm$/, '.o'));
    writeFileSync(path, helperElf(h));
    return path;
  });
  lldPath ??= join(execFileSync('rustc', ['--print', 'sysroot'], { encoding: 'utf8' }).trim(), 'lib/rustlib/x86_64-unknown-linux-gnu/bin/rust-lld');
  return { dir: workDir, helpers, lld: lldPath };
}

const MODE_FLAGS: Record<Mode, string[]> = {
  debug: ['-C', 'opt-level=0', '-C', 'debug-assertions=on', '-C', 'overflow-checks=on'],
  release: ['-C', 'opt-level=3'],
};

export type RustcBuild = { ok: true; elf: Uint8Array; warnings: string[] } | { ok: false; stderr: string };

/** Builds `source` (a whole crate root) with the host's rustc; warnings other than the target ABI note are returned. */
export function rustcBuild(name: string, source: string, mode: Mode): RustcBuild {
  const { dir, helpers: objects, lld } = setup();
  const src = join(dir, `${name}.rs`);
  const out = join(dir, `${name}-${mode}.elf`);
  writeFileSync(src, source);
  const args = [
    '--edition', '2021', '--crate-type', 'bin', '--crate-name', 'kernel', '-C', 'panic=abort', ...MODE_FLAGS[mode],
    '-C', 'relocation-model=static', '-C', 'target-feature=-sse,-sse2,-mmx,+soft-float',
    '-C', 'debuginfo=0', '-C', 'strip=debuginfo',
    '-C', `linker=${lld}`, '-C', 'linker-flavor=ld.lld',
    '-C', 'link-arg=-static', '-C', 'link-arg=-nostdlib', '-C', 'link-arg=-e_start',
    '-C', 'link-arg=--image-base=0x200000', '-C', 'link-arg=--build-id=none',
    // The host's libcore has unwind tables naming the personality routine; panic=abort never calls it.
    '-C', 'link-arg=--defsym=rust_eh_personality=0',
    ...objects.flatMap((o) => ['-C', `link-arg=${o}`]),
    src, '-o', out,
  ];
  const run = spawnSync('rustc', args, { encoding: 'utf8' });
  if (run.status !== 0) return { ok: false, stderr: run.stderr };
  return { ok: true, elf: new Uint8Array(readFileSync(out)), warnings: rustcWarnings(run.stderr) };
}

/** rustc's warnings, without the one about the target's ABI wanting SSE (the recipe turns it off on purpose). */
function rustcWarnings(stderr: string): string[] {
  return stderr.split(/\n(?=warning)/).filter((w) => w.startsWith('warning') && !/ABI|target feature|unstable feature specified|warning emitted|warnings emitted/.test(w.split('\n')[0]!));
}
