// Differential tests of the bootloader and the image builder against real tools: nasm (the
// bootloader's bytes), kernels built by nasm+ld, rustc+rust-lld and gcc, each image booted in
// real QEMU (SeaBIOS) and in Bootlab's machine, which must show the same screen.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { linkFiles } from '../link/index.ts';
import { runQemu, type QemuRun } from '../machine/oracle/qemu.ts';
import { BOOT_MESSAGES } from './asm/messages.ts';
import { assembleBootloader, bootloaderSource } from './bootloader.ts';
import { buildBootImage } from './bootimage.ts';
import { bootInMachine, cellAttribute, type BootResult } from './test-boot.ts';

const testdata = join(import.meta.dirname, 'testdata');
const work = mkdtempSync(join(tmpdir(), 'bootlab-boot-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const sh = (cmd: string, args: string[]) => execFileSync(cmd, args, { cwd: work, stdio: ['ignore', 'pipe', 'pipe'] });

/** nasm -f elf64 + GNU ld at 0x200000, as the recipe. */
function nasmLd(source: string, name: string, defines: string[] = [], ldArgs: string[] = []): Uint8Array {
  sh('nasm', ['-f', 'elf64', ...defines.map((d) => '-D' + d), join(testdata, source), '-o', join(work, name + '.o')]);
  sh('ld', ['-static', '-nostdlib', '-e', '_start', '-Ttext-segment=0x200000', ...ldArgs, join(work, name + '.o'), '-o', join(work, name)]);
  return new Uint8Array(readFileSync(join(work, name)));
}

function writeImage(kernel: Uint8Array, name: string, unchecked = false): { path: string; image: Uint8Array } {
  const result = buildBootImage(kernel, { unchecked });
  if (!result.ok) throw new Error(result.message);
  const path = join(work, name + '.img');
  writeFileSync(path, result.image);
  return { path, image: result.image };
}

interface BothRuns { qemu: QemuRun; ours: BootResult }

/** Boots the image in QEMU (default CPU model unless given) and in our machine. */
async function bootBoth(kernel: Uint8Array, name: string, opts: { untilText?: string; unchecked?: boolean; cpu?: string; memoryMiB?: number } = {}): Promise<BothRuns> {
  const { path, image } = writeImage(kernel, name, opts.unchecked);
  const qemu = await runQemu(path, {
    timeoutMs: 30_000, debugExit: false, cpu: opts.cpu ?? 'qemu64',
    ...(opts.untilText !== undefined && { untilText: opts.untilText }), ...(opts.memoryMiB !== undefined && { memoryMiB: opts.memoryMiB }),
  });
  const ours = bootInMachine(image, { ...(opts.untilText !== undefined && { untilText: opts.untilText }), ...(opts.memoryMiB !== undefined && { memoryMiB: opts.memoryMiB }) });
  return { qemu, ours };
}

function expectLightCyan(runs: BothRuns, row: number, text: string): void {
  for (let col = 0; col < text.length; col++) {
    expect(runs.qemu.cells![(row * 80 + col) * 2 + 1]).toBe(0x0b);
    expect(cellAttribute(runs.ours.machine, row, col)).toBe(0x0b);
  }
}

describe('the bootloader source', () => {
  it.each([0, 1, 512, 513, 1_500_000])('assembles to the same bytes with nasm and with our assembler (kernel of %i bytes)', (size) => {
    const source = join(work, `bootloader-${size}.asm`);
    writeFileSync(source, bootloaderSource(size));
    sh('nasm', ['-f', 'bin', source, '-o', source + '.bin']);
    expect(assembleBootloader(size)).toEqual(new Uint8Array(readFileSync(source + '.bin')));
  });
});

describe('kernels built by real tools boot to the same screen in QEMU and in Bootlab', () => {
  it('(a) an assembly kernel from nasm and GNU ld', async () => {
    const runs = await bootBoth(nasmLd('hello.asm', 'hello'), 'hello');
    expect(runs.qemu.stop).toBe('halted');
    expect(runs.ours.stop.kind).toBe('hlt');
    expect(runs.qemu.screen).toBe('Hello World!\nok\nok\nok');
    expect(runs.ours.screen).toBe(runs.qemu.screen);
    expectLightCyan(runs, 0, 'Hello World!');
  });

  it.each([
    ['in the higher half (0xffffffff80000000)', '0xffffffff80000000'],
    ['at 1 MiB, over the file the bootloader loads it from', '0x100000'],
  ])('(a) the same kernel linked %s', async (_where, base) => {
    const kernel = nasmLd('hello.asm', `hello-${base}`, [], [`-Ttext-segment=${base}`]);
    const runs = await bootBoth(kernel, `hello-${base}`);
    expect(runs.qemu.screen).toBe('Hello World!\nok\nok\nok');
    expect(runs.ours.screen).toBe(runs.qemu.screen);
  });

  it('(a) the same kernel with all sections in one RWX segment (ld -N)', async () => {
    const runs = await bootBoth(nasmLd('hello.asm', 'hello-omagic', [], ['-N']), 'hello-omagic');
    expect(runs.qemu.screen).toBe('Hello World!\nok\nok\nok');
    expect(runs.ours.screen).toBe(runs.qemu.screen);
  });

  it.each([0, 3])('(b) the post\'s main.rs built by rustc and rust-lld at opt-level %i', async (opt) => {
    // The recipe: testdata/post-kernel/build.sh (no_std, panic=abort, static, SSE off, 0x200000).
    execFileSync('sh', [join(testdata, 'post-kernel', 'build.sh'), work, String(opt)], { stdio: 'pipe' });
    const kernel = new Uint8Array(readFileSync(join(work, `kernel-O${opt}.elf`)));
    const runs = await bootBoth(kernel, `post-O${opt}`, { untilText: 'Hello World!' });
    expect(runs.qemu.stop).toBe('text');
    expect(runs.qemu.screen).toBe('Hello World!');
    expect(runs.ours.screen).toBe('Hello World!');
    expectLightCyan(runs, 0, 'Hello World!');
  });

  it('(b) the checked-in build of the post\'s kernel (what the benchmark wraps) boots too', async () => {
    const kernel = new Uint8Array(readFileSync(join(testdata, 'post-kernel', 'kernel-O0.elf')));
    const runs = await bootBoth(kernel, 'post-checked-in', { untilText: 'Hello World!', cpu: 'max' });
    expect(runs.qemu.screen).toBe('Hello World!');
    expect(runs.ours.screen).toBe('Hello World!');
  });

  it('(c) a kernel over 1 MiB with several segments and a 12 MiB .bss', async () => {
    // 1.5 MiB of pseudo-random data; the kernel sums it and compares with the sum made here.
    const qwords = 196_608;
    const blob = new Uint8Array(qwords * 8);
    let x = 0x2545f491n;
    let sum = 0n;
    const view = new DataView(blob.buffer);
    for (let i = 0; i < qwords; i++) {
      x = (x * 6364136223846793005n + 1442695040888963407n) & 0xffff_ffff_ffff_ffffn;
      view.setBigUint64(i * 8, x, true);
      sum = (sum * 31n + x) & 0xffff_ffff_ffff_ffffn;
    }
    writeFileSync(join(work, 'blob.bin'), blob);
    const kernel = nasmLd('big.asm', 'big', [`BLOB="${join(work, 'blob.bin')}"`, `BLOB_QWORDS=${qwords}`, `SUM=0x${sum.toString(16)}`]);
    expect(kernel.length).toBeGreaterThan(1024 * 1024);
    const loads = sh('readelf', ['-lW', join(work, 'big')]).toString().split('\n').filter((l) => l.trim().startsWith('LOAD'));
    expect(loads.length).toBeGreaterThanOrEqual(3);
    const runs = await bootBoth(kernel, 'big');
    expect(runs.qemu.stop).toBe('halted');
    expect(runs.qemu.screen).toBe('big kernel\ndata ok\nbss ok');
    expect(runs.ours.screen).toBe(runs.qemu.screen);
  });

  it('(d) a freestanding C kernel built with gcc', async () => {
    const out = join(work, 'ckernel');
    sh('gcc', ['-ffreestanding', '-fno-pic', '-fno-pie', '-no-pie', '-mno-red-zone', '-mgeneral-regs-only', '-fno-stack-protector',
      '-fno-asynchronous-unwind-tables', '-O2', '-nostdlib', '-static', '-Wl,-Ttext-segment=0x200000', '-Wl,-e,_start', '-Wl,--build-id=none',
      join(testdata, 'kernel.c'), '-o', out]);
    const runs = await bootBoth(new Uint8Array(readFileSync(out)), 'ckernel');
    expect(runs.qemu.stop).toBe('halted');
    expect(runs.qemu.screen).toBe('Hello from C!\ndata ok\nbss ok');
    expect(runs.ours.screen).toBe(runs.qemu.screen);
    expectLightCyan(runs, 0, 'Hello from C!');
  });
});

describe('the boot information, read by Rust code through the struct in README.md', () => {
  it('has the fields and the E820 map that the README describes, the same in QEMU and in Bootlab', async () => {
    // README's ```rust block, put after the kernel's inner attributes, is the declaration the
    // kernel uses: if the README's layout were wrong, the kernel would print wrong values.
    const readme = readFileSync(join(import.meta.dirname, 'README.md'), 'utf8');
    const declarations = /```rust\n([\s\S]*?)```/.exec(readme)![1]!;
    const body = readFileSync(join(testdata, 'bootinfo-kernel', 'main.rs'), 'utf8').split('\n');
    const afterAttributes = body.findLastIndex((line) => line.startsWith('#![')) + 1;
    const source = join(work, 'bootinfo.rs');
    writeFileSync(source, [...body.slice(0, afterAttributes), declarations, ...body.slice(afterAttributes)].join('\n'));
    const lld = join(execFileSync('rustc', ['--print', 'sysroot']).toString().trim(), 'lib', 'rustlib', 'x86_64-unknown-linux-gnu', 'bin', 'rust-lld');
    const out = join(work, 'bootinfo.elf');
    execFileSync('rustc', ['--edition', '2021', '--crate-type', 'bin', '-C', 'panic=abort', '-C', 'opt-level=3', '-C', 'relocation-model=static',
      '-C', 'target-feature=-sse,-sse2,-mmx,+soft-float', '-C', `linker=${lld}`, '-C', 'linker-flavor=ld.lld', '-C', 'link-arg=-static',
      '-C', 'link-arg=-nostdlib', '-C', 'link-arg=-e_start', '-C', 'link-arg=--image-base=0x200000', '-C', 'link-arg=--defsym=rust_eh_personality=0',
      source, '-o', out], { stdio: 'pipe' });
    const kernel = new Uint8Array(readFileSync(out));
    // Bootlab's CPU says GenuineIntel; QEMU adds a reserved E820 region at 0xfd00000000 for AMD CPUs.
    const runs = await bootBoth(kernel, 'bootinfo', { untilText: 'done', cpu: 'qemu64,vendor=GenuineIntel' });
    const rows = runs.qemu.screen.split('\n');
    expect(rows[0]).toBe('magic ok version 0x1 size 0x78 drive 0x80');
    // linked at 0x200000 and small: at its own addresses, with the file left at 1 MiB
    expect(rows[1]).toMatch(new RegExp(`^kernel 0x200000-0x20[0-9a-f]{4} file 0x100000\\+0x${kernel.length.toString(16)}$`));
    expect(rows[2]).toMatch(/^stack 0x70000-0x80000 tables 0x30000-0x3[6-9a-f]000 cr3 0x30000 identity 0x100000000$/);
    expect(rows).toContain('0x100000 0x7ee0000 0x1 0x1');
    expect(rows.at(-1)).toBe('done');
    expect(runs.ours.screen).toBe(runs.qemu.screen);
  });
});

describe('SSE is enabled for the kernel, and Bootlab runs what gcc makes of it', () => {
  it('(d) a C kernel built with only the flags in the issue (-O2: gcc vectorises with SSE2) shows the same screen', async () => {
    const out = join(work, 'ckernel-sse');
    sh('gcc', ['-ffreestanding', '-fno-pic', '-mno-red-zone', '-nostdlib', '-static', '-O2', '-Wl,-Ttext-segment=0x200000', '-Wl,-e,_start',
      join(testdata, 'kernel.c'), '-o', out]);
    expect(sh('objdump', ['-d', out]).toString()).toMatch(/xmm/);
    const runs = await bootBoth(new Uint8Array(readFileSync(out)), 'ckernel-sse');
    expect(runs.qemu.screen).toBe('Hello from C!\ndata ok\nbss ok');
    expect(runs.ours.screen).toBe(runs.qemu.screen);
    expectLightCyan(runs, 0, 'Hello from C!');
  });

  // kernel-sse.c: struct copies, vectorised integer loops, byte counts and double/float
  // arithmetic, printed in hex; -O3 vectorises more (paddq, punpck*, pcmpeqb, packuswb ...).
  it.each(['-O2', '-O3'])('(d) a C kernel full of SSE2 code, gcc %s, computes the same in QEMU and Bootlab', async (opt) => {
    const out = join(work, `sse-kernel${opt}`);
    sh('gcc', ['-ffreestanding', '-fno-pic', '-mno-red-zone', '-nostdlib', '-static', '-fno-math-errno', opt, '-Wl,-Ttext-segment=0x200000',
      '-Wl,-e,_start', join(testdata, 'kernel-sse.c'), '-o', out]);
    const code = sh('objdump', ['-d', '-M', 'intel', out]).toString();
    for (const insn of ['movdqa', 'paddd', 'pxor', 'sqrtsd', 'cvttsd2si', 'comisd']) expect(code).toContain(insn);
    const runs = await bootBoth(new Uint8Array(readFileSync(out)), `sse-kernel${opt}`, { untilText: 'less' });
    const rows = runs.qemu.screen.split('\n');
    expect(rows[0]).toBe('SSE kernel');
    expect(rows).toHaveLength(14);
    expect(rows.at(-1)).toBe('less 0000000000000002');
    expect(runs.ours.screen).toBe(runs.qemu.screen);
  });

  // rust-sse-kernel/main.rs, built with rustc's default target features (SSE2 on, as any
  // x86_64 Rust code): vectorised loops and struct copies, f64/f32 arithmetic, and libcore's
  // float formatting (SSE2 code in the host's prebuilt libcore).
  it.each([1, 3])('(b) a Rust kernel with SSE left on, opt-level %i, prints the same in QEMU and Bootlab', async (opt) => {
    const lld = join(execFileSync('rustc', ['--print', 'sysroot']).toString().trim(), 'lib', 'rustlib', 'x86_64-unknown-linux-gnu', 'bin', 'rust-lld');
    const out = join(work, `rust-sse-O${opt}.elf`);
    execFileSync('rustc', ['--edition', '2021', '--crate-type', 'bin', '-C', 'panic=abort', '-C', `opt-level=${opt}`, '-C', 'relocation-model=static',
      '-C', 'debuginfo=0', '-C', `linker=${lld}`, '-C', 'linker-flavor=ld.lld', '-C', 'link-arg=-static', '-C', 'link-arg=-nostdlib',
      '-C', 'link-arg=-e_start', '-C', 'link-arg=--image-base=0x200000', '-C', 'link-arg=--defsym=rust_eh_personality=0',
      join(testdata, 'rust-sse-kernel', 'main.rs'), '-o', out], { stdio: 'pipe' });
    expect(sh('objdump', ['-d', out]).toString()).toMatch(/mulsd|movaps|paddq/);
    const runs = await bootBoth(new Uint8Array(readFileSync(out)), `rust-sse-O${opt}`, { untilText: 'done' });
    const rows = runs.qemu.screen.split('\n');
    expect(rows[0]).toBe('Rust with SSE');
    expect(rows.at(-1)).toBe('done');
    expect(rows).toContain('third 0.33333334 1.0000000298023224 6.02214076e23');
    expect(runs.ours.screen).toBe(runs.qemu.screen);
  });
});

describe('segment permissions hold on the real CPU and on ours', () => {
  it.each([
    [1, 'a write to read-only .rodata'],
    [2, 'a call into non-executable .data'],
  ])('case %i: %s is a page fault, reported on screen', async (which) => {
    const runs = await bootBoth(nasmLd('protect.asm', `protect${which}`, [`CASE=${which}`]), `protect${which}`);
    const expected = `${BOOT_MESSAGES.prefix}${BOOT_MESSAGES.exception}0e\n\n${BOOT_MESSAGES.halted}`;
    expect(runs.qemu.screen).toBe(expected);
    expect(runs.ours.screen).toBe(expected);
  });
});

describe('kernels linked by Bootlab\'s linker (src/link) boot like those linked by GNU ld and rust-lld', () => {
  const ourLink = (paths: string[]): Uint8Array => {
    const result = linkFiles(paths.map((p) => ({ name: p, bytes: new Uint8Array(readFileSync(p)) })), { gcSections: true });
    if (!result.ok) throw new Error(result.stderr);
    return result.bytes!;
  };

  it('(a) the assembly kernel from nasm', async () => {
    sh('nasm', ['-f', 'elf64', join(testdata, 'hello.asm'), '-o', join(work, 'hello-ours.o')]);
    const runs = await bootBoth(ourLink([join(work, 'hello-ours.o')]), 'hello-ours');
    expect(runs.qemu.screen).toBe('Hello World!\nok\nok\nok');
    expect(runs.ours.screen).toBe(runs.qemu.screen);
  });

  it.each([0, 3])('(b) the post\'s main.rs from rustc --emit=obj at opt-level %i, with the host\'s libcore', async (opt) => {
    const obj = join(work, `post-ours-O${opt}.o`);
    execFileSync('rustc', ['--edition', '2021', '--crate-type', 'bin', '-C', 'panic=abort', '-C', `opt-level=${opt}`,
      '-C', 'relocation-model=static', '-C', 'target-feature=-sse,-sse2,-mmx,+soft-float', '-C', 'debuginfo=0',
      '--emit=obj', join(testdata, 'post-kernel', 'main.rs'), '-o', obj], { stdio: 'pipe' });
    // As in build.sh: the host's libcore names rust_eh_personality in its unwind tables; with
    // panic=abort nothing calls it, so a stub object gives the linker its address.
    writeFileSync(join(work, 'personality.asm'), 'global rust_eh_personality\nsection .text\nrust_eh_personality: ud2\n');
    sh('nasm', ['-f', 'elf64', join(work, 'personality.asm'), '-o', join(work, 'personality.o')]);
    const lib = join(execFileSync('rustc', ['--print', 'sysroot']).toString().trim(), 'lib', 'rustlib', 'x86_64-unknown-linux-gnu', 'lib');
    const rlibs = readdirSync(lib).filter((f) => /^lib(core|compiler_builtins)-.*\.rlib$/.test(f)).map((f) => join(lib, f));
    const runs = await bootBoth(ourLink([obj, join(work, 'personality.o'), ...rlibs]), `post-ours-O${opt}`, { untilText: 'Hello World!' });
    expect(runs.qemu.screen).toBe('Hello World!');
    expect(runs.ours.screen).toBe('Hello World!');
    expectLightCyan(runs, 0, 'Hello World!');
  });
});

describe('bad kernels: the same message and a halt in QEMU and in Bootlab', () => {
  const hello = () => nasmLd('hello.asm', 'hello-bad');
  const kernels: [string, () => Uint8Array, string][] = [
    ['not ELF', () => new TextEncoder().encode('#!/bin/sh\necho this is not a kernel\n'), BOOT_MESSAGES.notElf],
    ['a 32-bit ELF from ld -m elf_i386', () => {
      writeFileSync(join(work, 'k32.asm'), 'bits 32\nglobal _start\n_start: hlt\n');
      sh('nasm', ['-f', 'elf32', join(work, 'k32.asm'), '-o', join(work, 'k32.o')]);
      sh('ld', ['-m', 'elf_i386', '-static', '-nostdlib', '-e', '_start', '-Ttext-segment=0x200000', join(work, 'k32.o'), '-o', join(work, 'k32')]);
      return new Uint8Array(readFileSync(join(work, 'k32')));
    }, BOOT_MESSAGES.elf32],
    ['truncated in its program headers', () => hello().slice(0, 120), BOOT_MESSAGES.headersTruncated],
    ['truncated in its segments', () => hello().slice(0, 0x1010), BOOT_MESSAGES.dataOutside],
    ['an entry point outside any segment', () => nasmLd('hello.asm', 'hello-entry', [], ['--entry=0x900000']), BOOT_MESSAGES.badEntry],
    ['overlapping segments', () => {
      const k = hello();
      const view = new DataView(k.buffer);
      const phoff = Number(view.getBigUint64(32, true));
      const second = phoff + 56 * 2; // the third program header: move it onto the second's range
      view.setBigUint64(second + 16, view.getBigUint64(phoff + 56 + 16, true) + 8n, true);
      return k;
    }, BOOT_MESSAGES.overlap],
  ];
  it.each(kernels)('%s', async (name, make, message) => {
    const runs = await bootBoth(make(), 'bad-' + name.replace(/\W+/g, '-'), { unchecked: true });
    const expected = `${BOOT_MESSAGES.prefix}${message}`;
    expect(runs.qemu.stop).toBe('halted');
    expect(runs.ours.stop.kind).toBe('hlt');
    expect(runs.qemu.screen.split('\n').slice(0, Math.ceil(expected.length / 80)).join('')).toBe(expected);
    expect(runs.ours.screen).toBe(runs.qemu.screen);
  });

  it.each([
    ['only the MBR', () => 512, BOOT_MESSAGES.stage2Read],
    ['the bootloader and one sector of the kernel', (bootloaderBytes: number) => bootloaderBytes + 512, BOOT_MESSAGES.kernelRead],
  ])('a disk cut short (%s): the read error is shown', async (name, keep, message) => {
    const built = buildBootImage(nasmLd('hello.asm', 'hello-cut'));
    if (!built.ok) throw new Error(built.message);
    const cut = built.image.slice(0, keep(built.bootloaderBytes));
    const path = join(work, `cut-${cut.length}.img`);
    writeFileSync(path, cut);
    const qemu = await runQemu(path, { timeoutMs: 30_000, debugExit: false, cpu: 'qemu64' });
    const ours = bootInMachine(cut);
    expect(qemu.screen).toBe(`${BOOT_MESSAGES.prefix}${message}\n\n${BOOT_MESSAGES.halted}`);
    expect(ours.screen).toBe(qemu.screen);
  });

  const noMemory = `${BOOT_MESSAGES.prefix}${BOOT_MESSAGES.noMemory}\n\n${BOOT_MESSAGES.halted}`;

  it('too little memory for the kernel file (5 MiB in 4 MiB of RAM; checked before reading it)', async () => {
    const kernel = new Uint8Array(5 * 1024 * 1024);
    kernel.set(nasmLd('hello.asm', 'hello-mem'));
    const runs = await bootBoth(kernel, 'mem-file', { memoryMiB: 4 });
    expect(runs.qemu.screen).toBe(noMemory);
    expect(runs.ours.screen).toBe(noMemory);
  });

  it('too little memory for the kernel (a 12 MiB .bss in 8 MiB of RAM)', async () => {
    writeFileSync(join(work, 'tiny-blob.bin'), new Uint8Array(8));
    const kernel = nasmLd('big.asm', 'big-mem', [`BLOB="${join(work, 'tiny-blob.bin')}"`, 'BLOB_QWORDS=1', 'SUM=0']);
    const runs = await bootBoth(kernel, 'mem-bss', { memoryMiB: 8 });
    expect(runs.qemu.screen).toBe(noMemory);
    expect(runs.ours.screen).toBe(noMemory);
  });

  it('a CPU without long mode (QEMU -cpu qemu32) gets a message, not a hang', async () => {
    const { path } = writeImage(nasmLd('hello.asm', 'hello-32cpu'), 'hello-32cpu');
    const qemu = await runQemu(path, { timeoutMs: 30_000, debugExit: false, cpu: 'qemu32' });
    expect(qemu.stop).toBe('halted');
    expect(qemu.screen).toBe(`${BOOT_MESSAGES.prefix}${BOOT_MESSAGES.noLongMode}\n\n${BOOT_MESSAGES.halted}`);
  });
});
