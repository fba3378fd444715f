import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { assemble } from '../../x86/asm/index.ts';
import { runCli } from '../cli.ts';
import type { CliIO } from '../io.ts';

vi.setConfig({ testTimeout: 60_000 });

const dir = mkdtempSync(join(tmpdir(), 'bootlab-sh-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
mkdirSync(join(dir, 'src'));
writeFileSync(join(dir, 'Cargo.toml'), '[package]\nname = "blog_os"\n');
writeFileSync(join(dir, 'src/main.rs'), 'fn main() {}\n');

function capture(): CliIO & { stdout: string; stderr: string } {
  const io = { stdout: '', stderr: '', out(t: string) { io.stdout += t; }, err(t: string) { io.stderr += t; } };
  return io;
}

function image(name: string, body: string): void {
  const r = assemble(`bits 16\norg 0x7c00\n${body}\ntimes 510-($-$$) db 0\ndw 0xaa55\n`, { fileName: 'b.asm', readFile: () => undefined });
  if (!r.ok) throw new Error(r.errors.join('\n'));
  writeFileSync(join(dir, name), r.bytes);
}

describe('bootlab sh', () => {
  it('runs shell commands over the directory and prints what the terminal prints', async () => {
    const io = capture();
    expect(await runCli(['sh', '-C', dir, '-c', 'ls; cd src && pwd && cat main.rs'], io)).toBe(0);
    expect(io.stdout).toBe('Cargo.toml  src\n/src\nfn main() {}\n');
    expect(io.stderr).toBe('');
  });

  it('reports errors on stderr with the command status, and writes removals back', async () => {
    writeFileSync(join(dir, 'scratch.txt'), 'x');
    const io = capture();
    expect(await runCli(['sh', '-C', dir, '-c', 'rm scratch.txt && cat scratch.txt'], io)).toBe(1);
    expect(io.stderr).toBe('cat: scratch.txt: No such file or directory\n');
    expect(existsSync(join(dir, 'scratch.txt'))).toBe(false);
    const missing = capture();
    expect(await runCli(['sh', '-C', dir, '-c', 'qemu-system-x86_64 -drive format=raw,file=/nope'], missing)).toBe(1);
    expect(missing.stderr).toBe("qemu-system-x86_64: -drive format=raw,file=/nope: Could not open '/nope': No such file or directory\n");
  });

  it('boots an image headless: the screen, COM1 with -serial stdio, and the debug-exit status', async () => {
    image('exit.img', `
  xor ax, ax
  mov ds, ax
  mov ax, 0x0e41
  int 0x10             ; 'A' on the screen
  mov dx, 0x3f8
  mov al, 'S'
  out dx, al           ; 'S' on COM1
  mov al, 0x21
  out 0xf4, al         ; QEMU exits with (0x21 << 1) | 1
  jmp $`);
    const io = capture();
    expect(await runCli(['sh', '-C', dir, '-c', 'qemu-system-x86_64 -drive format=raw,file=exit.img -serial stdio'], io)).toBe(0x43);
    expect(io.stdout.split('\n').at(-3)).toMatch(/A$/);
    expect(io.stdout.endsWith('S\n')).toBe(true);
  });
});
