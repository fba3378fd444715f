import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { assemble } from '../../x86/asm/index.ts';
import { makeElf64, PF_R, PF_X } from '../../boot/test-elf.ts';
import { runCli } from '../cli.ts';
import type { CliIO } from '../io.ts';

vi.setConfig({ testTimeout: 60_000 });

const dir = mkdtempSync(join(tmpdir(), 'bootlab-image-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function capture(): CliIO & { stdout: string; stderr: string } {
  const io = { stdout: '', stderr: '', out(t: string) { io.stdout += t; }, err(t: string) { io.stderr += t; } };
  return io;
}

/** A kernel from our assembler: "Hi" in light cyan, then hlt. */
function kernelFile(): string {
  const r = assemble('bits 64\norg 0x200000\nmov dword [0xb8000], 0x0b690b48\ncli\nhlt\n', { fileName: 'k.asm', readFile: () => undefined });
  if (!r.ok) throw new Error(r.errors.join('\n'));
  const path = join(dir, 'kernel.elf');
  writeFileSync(path, makeElf64({ entry: 0x200000n, segments: [{ vaddr: 0x200000n, flags: PF_R | PF_X, data: r.bytes }] }));
  return path;
}

describe('bootlab image', () => {
  it('writes a bootable image that bootlab run boots', async () => {
    const out = join(dir, 'ok.img');
    const io = capture();
    expect(await runCli(['image', '--kernel', kernelFile(), '-o', out], io)).toBe(0);
    expect(io.stderr).toBe('');
    expect(readFileSync(out).length % 512).toBe(0);
    const run = capture();
    expect(await runCli(['run', out, '--until-text', 'Hi'], run)).toBe(0);
    expect(run.stdout).toBe('Hi\n');
  });

  it('exits 1 with the reason for a file that is not an ELF64 x86-64 executable, and writes nothing', async () => {
    const bad = join(dir, 'notes.txt');
    writeFileSync(bad, 'not a kernel\n');
    const out = join(dir, 'bad.img');
    const io = capture();
    expect(await runCli(['image', '--kernel', bad, '-o', out], io)).toBe(1);
    expect(io.stderr).toBe(`bootlab image: error: '${bad}' is not an ELF file (no 0x7f "ELF" magic at its start)\n`);
    expect(() => readFileSync(out)).toThrow();
    const elf32 = join(dir, 'k32.elf');
    const bytes = new Uint8Array(readFileSync(kernelFile()));
    bytes[4] = 1;
    writeFileSync(elf32, bytes);
    const io32 = capture();
    expect(await runCli(['image', '--kernel', elf32, '-o', out], io32)).toBe(1);
    expect(io32.stderr).toMatch(/is a 32-bit ELF file/);
  });

  it('with --unchecked builds the image anyway, and the bootloader reports the problem on screen', async () => {
    const bad = join(dir, 'notes2.txt');
    writeFileSync(bad, 'not a kernel\n');
    const out = join(dir, 'unchecked.img');
    expect(await runCli(['image', '--kernel', bad, '-o', out, '--unchecked'], capture())).toBe(0);
    const run = capture();
    expect(await runCli(['run', out], run)).toBe(0);
    expect(run.stdout).toMatch(/^Boot error: the kernel is not an ELF file/);
  });

  it('exits 1 for a missing kernel file and 2 for a malformed command line', async () => {
    const io = capture();
    expect(await runCli(['image', '--kernel', join(dir, 'nope.elf'), '-o', join(dir, 'x.img')], io)).toBe(1);
    expect(io.stderr).toMatch(/cannot read kernel .*ENOENT/);
    expect(await runCli(['image', '-o', join(dir, 'x.img')], capture())).toBe(2);
    expect(await runCli(['image', '--kernel', 'k.elf'], capture())).toBe(2);
  });
});
