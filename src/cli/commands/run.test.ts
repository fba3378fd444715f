import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { assemble } from '../../x86/asm/index.ts';
import { runCli } from '../cli.ts';
import type { CliIO } from '../io.ts';

vi.setConfig({ testTimeout: 60_000 });

const dir = mkdtempSync(join(tmpdir(), 'bootlab-run-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function capture(): CliIO & { stdout: string; stderr: string } {
  const io = { stdout: '', stderr: '', out(t: string) { io.stdout += t; }, err(t: string) { io.stderr += t; } };
  return io;
}

function img(name: string, body: string): string {
  const r = assemble(`bits 16\norg 0x7c00\n${body}\ntimes 510-($-$$) db 0\ndw 0xaa55\n`, { fileName: 'b.asm', readFile: () => undefined });
  if (!r.ok) throw new Error(r.errors.join('\n'));
  const path = join(dir, name);
  writeFileSync(path, r.bytes);
  return path;
}

const PRINT = `
  xor ax, ax
  mov ds, ax
  mov si, msg
.l: lodsb
  test al, al
  jz .done
  mov ah, 0x0e
  int 0x10
  jmp .l
.done:`;

describe('bootlab run', () => {
  it('prints the screen and exits 0 when the text appears', async () => {
    const io = capture();
    const path = img('hello.img', `${PRINT}\n  jmp $\nmsg: db "Hello World!", 0`);
    expect(await runCli(['run', path, '--until-text', 'World', '--timeout-ms', '5000'], io)).toBe(0);
    // Under the BIOS banner, after the boot line, as in QEMU.
    expect(io.stdout).toMatch(/^Bootlab BIOS .*\n\n\n\n\n\n\nBooting from Hard Disk\.\.\.\nHello World!\n$/);
  });
  it('exits 124 on timeout', async () => {
    const io = capture();
    const path = img('loop.img', 'jmp $');
    expect(await runCli(['run', path, '--until-text', 'never', '--timeout-ms', '200'], io)).toBe(124);
  });
  it('exits (v<<1)|1 on a debug exit and prints serial output with --serial', async () => {
    const io = capture();
    const path = img('exit.img', `mov dx, 0x3f8\nmov al, 'k'\nout dx, al\nmov al, 0x10\nout 0xf4, al\njmp $`);
    expect(await runCli(['run', path, '--serial', '--timeout-ms', '5000'], io)).toBe(0x21);
    expect(io.stdout.endsWith('Booting from Hard Disk...\nk\n')).toBe(true);
  });
  it('exits 2 on a triple fault with a register dump', async () => {
    const io = capture();
    const path = img('tf.img', `cli\nlidt [idtr]\nint3\nidtr: dw 0\ndd 0`);
    expect(await runCli(['run', path, '--timeout-ms', '5000'], io)).toBe(2);
    expect(io.stderr).toMatch(/triple fault/);
    expect(io.stderr).toMatch(/rip=/);
  });
});
