// bootlab link on the command line: objects in, an executable out; rust-lld's messages on
// stderr; the ld.lld options rustc passes are understood.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readElfExecutable } from '../../link/elf/executable.ts';
import { runCli } from '../cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'bootlab-cli-link-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function capture() {
  const io = { stdout: '', stderr: '', out: (t: string) => void (io.stdout += t), err: (t: string) => void (io.stderr += t) };
  return io;
}

const objects = join(import.meta.dirname, '..', '..', 'link', 'testdata', 'objects');

describe('bootlab link', () => {
  it('links a rustc object into an executable at 0x200000', async () => {
    const io = capture();
    const exe = join(dir, 'kernel');
    expect(await runCli(['link', join(objects, 'post-main-O3.o'), '-o', exe, '--gc-sections'], io)).toBe(0);
    expect(io.stderr).toBe('');
    const info = readElfExecutable(new Uint8Array(readFileSync(exe)));
    expect(info.programHeaders.find((p) => p.type === 1)!.vaddr).toBe(0x200000);
    expect(info.symbols.find((s) => s.name === '_start')!.value).toBe(info.entry);
  });

  it('takes the options rustc passes to ld.lld, and a response file', async () => {
    const io = capture();
    const exe = join(dir, 'kernel2');
    const rsp = join(dir, 'args.rsp');
    writeFileSync(rsp, `"${join(objects, 'post-main-O3.o')}" --as-needed -Bstatic -Bdynamic --eh-frame-hdr -z noexecstack\n-z relro -z now -O1 --gc-sections -static -nostdlib`);
    expect(await runCli(['link', '-flavor', 'gnu', `@${rsp}`, '-L', dir, '-o', exe, '--image-base=0x400000', '--defsym=unused_name=0x1234'], io)).toBe(0);
    expect(io.stderr).toBe('');
    const info = readElfExecutable(new Uint8Array(readFileSync(exe)));
    expect(info.programHeaders.find((p) => p.type === 1)!.vaddr).toBe(0x400000);
    expect(info.programHeaders.some((p) => p.type === 0x6474e550)).toBe(true); // PT_GNU_EH_FRAME
    expect(info.symbols.find((s) => s.name === 'unused_name')!.value).toBe(0x1234n);
  });

  it('prints rust-lld\'s error and exits 1 when a symbol is missing', async () => {
    const io = capture();
    expect(await runCli(['link', join(objects, 'post-main-O0.o'), '-o', join(dir, 'x'), '--gc-sections'], io)).toBe(1);
    expect(io.stderr).toMatch(/^rust-lld: error: undefined symbol: core::panicking::panic_const::panic_const_add_overflow\n>>> referenced by post_main\./);
  });

  it('refuses options it does not know (exit 2, with usage)', async () => {
    const io = capture();
    expect(await runCli(['link', 'a.o', '--shared'], io)).toBe(2);
    expect(io.stderr).toContain("unknown option '--shared'");
  });

  it('says when an input cannot be opened', async () => {
    const io = capture();
    expect(await runCli(['link', join(dir, 'missing.o')], io)).toBe(1);
    expect(io.stderr).toBe(`rust-lld: error: cannot open ${join(dir, 'missing.o')}: No such file or directory\n`);
  });
});
