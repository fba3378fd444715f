// Kernels linked by Bootlab's own linker (src/link) instead of GNU ld or rust-lld, wrapped by
// our image builder and booted in real QEMU (SeaBIOS) and in Bootlab's machine: both must show
// the same screen, the one the kernels show when GNU ld links them (boot.oracle.test.ts).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { linkFiles } from '../link/index.ts';
import { runQemu } from '../machine/oracle/qemu.ts';
import { buildBootImage } from './bootimage.ts';
import { bootInMachine, cellAttribute } from './test-boot.ts';

const testdata = join(import.meta.dirname, 'testdata');
const linkTestdata = join(import.meta.dirname, '..', 'link', 'testdata');
const work = mkdtempSync(join(tmpdir(), 'bootlab-linked-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const sysroot = execFileSync('rustc', ['--print', 'sysroot'], { encoding: 'utf8' }).trim();
const hostLib = join(sysroot, 'lib/rustlib/x86_64-unknown-linux-gnu/lib');
const rlib = (prefix: string) => join(hostLib, readdirSync(hostLib).find((f) => f.startsWith(prefix) && f.endsWith('.rlib'))!);

/** Links with Bootlab's linker the way rust-lld links the post's kernel. */
function ourLink(paths: string[], imageBase?: bigint): Uint8Array {
  const result = linkFiles(paths.map((p) => ({ name: p, bytes: new Uint8Array(readFileSync(p)) })), { gcSections: true, ...(imageBase !== undefined && { imageBase }) });
  expect(result.stderr).toBe('');
  expect(result.ok).toBe(true);
  return result.bytes!;
}

async function bootBoth(kernel: Uint8Array, name: string, untilText?: string) {
  const built = buildBootImage(kernel);
  if (!built.ok) throw new Error(built.message);
  const path = join(work, name + '.img');
  writeFileSync(path, built.image);
  const qemu = await runQemu(path, { timeoutMs: 30_000, debugExit: false, cpu: 'qemu64', ...(untilText !== undefined && { untilText }) });
  const ours = bootInMachine(built.image, untilText !== undefined ? { untilText } : {});
  return { qemu, ours };
}

describe('kernels linked by Bootlab boot to the same screen in QEMU and in Bootlab', () => {
  it('an assembly kernel from nasm', async () => {
    const obj = join(work, 'hello.o');
    execFileSync('nasm', ['-f', 'elf64', join(testdata, 'hello.asm'), '-o', obj]);
    const runs = await bootBoth(ourLink([obj]), 'hello');
    expect(runs.qemu.stop).toBe('halted');
    expect(runs.qemu.screen).toBe('Hello World!\nok\nok\nok');
    expect(runs.ours.screen).toBe(runs.qemu.screen);
    for (let col = 0; col < 12; col++) expect(cellAttribute(runs.ours.machine, 0, col)).toBe(0x0b);
  });

  it('a kernel over 1 MiB with a 12 MiB .bss', async () => {
    const qwords = 196_608;
    const blob = new Uint8Array(qwords * 8);
    const view = new DataView(blob.buffer);
    let x = 0x9e3779b9n;
    let sum = 0n;
    for (let i = 0; i < qwords; i++) {
      x = (x * 6364136223846793005n + 1442695040888963407n) & 0xffff_ffff_ffff_ffffn;
      view.setBigUint64(i * 8, x, true);
      sum = (sum * 31n + x) & 0xffff_ffff_ffff_ffffn;
    }
    writeFileSync(join(work, 'blob.bin'), blob);
    const obj = join(work, 'big.o');
    execFileSync('nasm', ['-f', 'elf64', `-DBLOB="${join(work, 'blob.bin')}"`, `-DBLOB_QWORDS=${qwords}`, `-DSUM=0x${sum.toString(16)}`, join(testdata, 'big.asm'), '-o', obj]);
    const kernel = ourLink([obj]);
    expect(kernel.length).toBeGreaterThan(1024 * 1024);
    const runs = await bootBoth(kernel, 'big');
    expect(runs.qemu.screen).toBe('big kernel\ndata ok\nbss ok');
    expect(runs.ours.screen).toBe(runs.qemu.screen);
  });

  it('a freestanding C kernel from gcc -c', async () => {
    const obj = join(work, 'ckernel.o');
    execFileSync('gcc', ['-c', '-ffreestanding', '-fno-pic', '-mno-red-zone', '-mgeneral-regs-only', '-fno-stack-protector', '-O2', join(testdata, 'kernel.c'), '-o', obj]);
    const runs = await bootBoth(ourLink([obj]), 'ckernel');
    expect(runs.qemu.screen).toBe('Hello from C!\ndata ok\nbss ok');
    expect(runs.ours.screen).toBe(runs.qemu.screen);
  });

  it('a C kernel built with -mcmodel=kernel and linked in the higher half (0xffffffff80000000)', async () => {
    const obj = join(work, 'ckernel-high.o');
    execFileSync('gcc', ['-c', '-ffreestanding', '-fno-pic', '-mno-red-zone', '-mcmodel=kernel', '-mgeneral-regs-only', '-fno-stack-protector', '-O2', join(testdata, 'kernel.c'), '-o', obj]);
    const runs = await bootBoth(ourLink([obj], 0xffffffff80000000n), 'ckernel-high');
    expect(runs.qemu.screen).toBe('Hello from C!\ndata ok\nbss ok');
    expect(runs.ours.screen).toBe(runs.qemu.screen);
  });

  it.each(['0', '3'])("the post's main.rs from rustc --emit=obj at opt-level %s, with the host's libcore", async (opt) => {
    const rustc = (source: string, out: string) =>
      execFileSync('rustc', ['--edition', '2021', '--emit=obj', '--crate-type=lib', '-C', 'panic=abort', '-C', 'relocation-model=static',
        '-C', 'target-feature=-sse,-sse2,-mmx,+soft-float', '-C', `opt-level=${opt}`, source, '-o', out], { stdio: 'ignore' });
    const main = join(work, `post${opt}.o`);
    const personality = join(work, `personality${opt}.o`);
    rustc(join(linkTestdata, 'post-main.rs'), main);
    rustc(join(linkTestdata, 'personality.rs'), personality);
    const kernel = ourLink([main, personality, rlib('libcore-'), rlib('libcompiler_builtins-')]);
    const runs = await bootBoth(kernel, `post${opt}`, 'Hello World!');
    expect(runs.qemu.screen).toBe('Hello World!');
    expect(runs.ours.screen).toBe('Hello World!');
    for (let col = 0; col < 12; col++) {
      expect(runs.qemu.cells![col * 2 + 1]).toBe(0x0b);
      expect(cellAttribute(runs.ours.machine, 0, col)).toBe(0x0b);
    }
  });
});
