import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultOutput, parseAddress, parseBits } from './args.ts';
import { commands, runCli } from './cli.ts';
import type { CliIO } from './io.ts';

function capture(): CliIO & { stdout: string; stderr: string } {
  const io = {
    stdout: '',
    stderr: '',
    out(text: string) {
      io.stdout += text;
    },
    err(text: string) {
      io.stderr += text;
    },
  };
  return io;
}

describe('bootlab command line', () => {
  it('--help lists every registered command and exits 0', async () => {
    const io = capture();
    expect(await runCli(['--help'], io)).toBe(0);
    for (const name of ['asm', 'disasm', 'image', 'link', 'run', 'bench']) expect(io.stdout).toMatch(new RegExp(`^  ${name} `, 'm'));
    expect(commands.map((c) => c.name)).toEqual(['asm', 'disasm', 'image', 'link', 'run', 'sh', 'bench']);
    expect(io.stderr).toBe('');
  });

  it('COMMAND --help prints that command\'s usage without loading it', async () => {
    const io = capture();
    expect(await runCli(['disasm', '--help'], io)).toBe(0);
    expect(io.stdout).toContain('usage: bootlab disasm FILE');
    const io2 = capture();
    expect(await runCli(['help', 'asm'], io2)).toBe(0);
    expect(io2.stdout).toContain('usage: bootlab asm FILE.asm');
  });

  it('an unknown command or no command exits 2 with help on stderr', async () => {
    const io = capture();
    expect(await runCli(['frobnicate'], io)).toBe(2);
    expect(io.stderr).toContain("unknown command 'frobnicate'");
    const io2 = capture();
    expect(await runCli([], io2)).toBe(2);
    expect(io2.stderr).toContain('usage: bootlab COMMAND');
  });
});

describe('option values', () => {
  it('parses --bits', () => {
    expect(parseBits('32')).toBe(32);
    expect(parseBits(undefined)).toBeUndefined();
    expect(() => parseBits('8')).toThrow(/16, 32 or 64/);
  });

  it('parses addresses in the usual notations', () => {
    expect(parseAddress('0x7c00')).toBe(0x7c00n);
    expect(parseAddress('7c00h')).toBe(0x7c00n);
    expect(parseAddress('31744')).toBe(31744n);
    expect(parseAddress('0xffff_8000_0000_0000')).toBe(0xffff800000000000n);
    expect(() => parseAddress('7c00')).toThrow(/bad address/); // hex needs 0x or h
    expect(() => parseAddress('zz')).toThrow(/bad address/);
    expect(() => parseAddress('0x10000000000000000')).toThrow(/64 bits/);
  });

  it('names the output as nasm does', () => {
    expect(defaultOutput('boot.asm')).toBe('boot');
    expect(defaultOutput('src/boot.s')).toBe('src/boot');
    expect(defaultOutput('boot')).toBe('nasm.out');
    expect(defaultOutput('./dir.d/boot')).toBe('nasm.out');
  });
});

describe('bootlab bench', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it('says so when there are no benchmarks', async () => {
    dir = mkdtempSync(join(tmpdir(), 'bootlab-bench-'));
    const io = capture();
    expect(await runCli(['bench', '--dir', dir], io)).toBe(0);
    expect(io.stdout).toMatch(/^no benchmarks in /);
  });

  it('runs *.bench.ts files and prints their figures in a table', async () => {
    dir = mkdtempSync(join(tmpdir(), 'bootlab-bench-'));
    writeFileSync(
      join(dir, 'sample.bench.ts'),
      `export default async () => [{ name: 'answer', value: 42, unit: 'things' }, { name: 'ratio', value: 0.125, unit: 'x' }];\n`,
    );
    writeFileSync(join(dir, 'broken.bench.ts'), `export default async () => { throw new Error('boom'); };\n`);
    writeFileSync(join(dir, 'not-a-bench.ts'), `throw new Error('must not be loaded');\n`);
    const io = capture();
    expect(await runCli(['bench', '--dir', dir], io)).toBe(1);
    expect(io.stdout).toMatch(/^benchmark\s+name\s+value\s+unit$/m);
    expect(io.stdout).toMatch(/^sample\s+answer\s+42\s+things$/m);
    expect(io.stdout).toMatch(/^sample\s+ratio\s+0\.125\s+x$/m);
    expect(io.stdout).toMatch(/^broken\s+\(failed\)$/m);
    expect(io.stderr).toContain('broken: error: boom');

    const only = capture();
    expect(await runCli(['bench', '--dir', dir, 'sample'], only)).toBe(0);
    expect(only.stdout).not.toContain('broken');
  });
});
