// The command-line path from an object file to a booted kernel, all with Bootlab's tools:
// nasm -f elf64, bootlab link, bootlab image, then the image in real QEMU and in bootlab run,
// which must print the same screen.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { runQemu } from '../machine/oracle/qemu.ts';
import { runCli } from './cli.ts';

const work = mkdtempSync(join(tmpdir(), 'bootlab-cli-chain-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

it('nasm, bootlab link, bootlab image, then QEMU and bootlab run show the same screen', async () => {
  const source = join(import.meta.dirname, '..', 'boot', 'testdata', 'hello.asm');
  const obj = join(work, 'hello.o');
  const exe = join(work, 'hello.elf');
  const img = join(work, 'hello.img');
  execFileSync('nasm', ['-f', 'elf64', source, '-o', obj]);
  const io = { text: '', out: (t: string) => void (io.text += t), err: (t: string) => void (io.text += t) };
  expect(await runCli(['link', obj, '-o', exe, '--gc-sections'], io)).toBe(0);
  expect(await runCli(['image', '--kernel', exe, '-o', img], io)).toBe(0);
  expect(io.text).toBe('');
  const qemu = await runQemu(img, { timeoutMs: 30_000, debugExit: false, cpu: 'qemu64' });
  expect(qemu.screen).toBe('Hello World!\nok\nok\nok');
  expect(await runCli(['run', img, '--timeout-ms', '20000'], io)).toBe(0);
  expect(io.text.trimEnd()).toBe(qemu.screen);
});
