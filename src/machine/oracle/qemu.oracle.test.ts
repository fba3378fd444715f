// The QEMU runner itself: a boot sector of our own that writes the screen through int 10h and
// directly, then halts or exits through port 0xf4; QEMU's screen as read through QMP must be
// what Bootlab's machine shows for the same image.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assemble } from '../../x86/asm/index.ts';
import { createMachine } from '../machine.ts';
import { runQemu } from './qemu.ts';

let dir = '';
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'bootlab-qemu-test-')); });
afterAll(() => { if (dir) rmSync(dir, { recursive: true, force: true }); });

function image(ending: string): string {
  const r = assemble(`
bits 16
org 0x7c00
  mov ax, 3            ; set mode 3: clears the firmware's banner in both machines
  int 0x10
  xor ax, ax
  mov ds, ax
  mov si, msg
.teletype:
  lodsb
  test al, al
  jz .direct
  mov ah, 0x0e
  mov bx, 7
  int 0x10
  jmp .teletype
.direct:
  mov ax, 0xb800
  mov es, ax
  mov word [es:160*3 + 10], 0x1f41   ; 'A', white on blue, row 3 column 5
  mov word [es:160*3 + 12], 0x0b42   ; 'B', light cyan
${ending}
msg: db 'Hello from int 10h', 13, 10, 'second line', 0
times 510 - ($ - $$) db 0
dw 0xaa55
`, { fileName: 'screen.asm', bits: 16, readFile: () => undefined });
  if (!r.ok) throw new Error(r.errors.join('\n'));
  const path = join(dir, `img-${Math.random().toString(36).slice(2)}.img`);
  writeFileSync(path, r.bytes);
  return path;
}

function bootlabScreen(path: string): { screen: string; cells: Uint8Array } {
  const m = createMachine({ diskImage: new Uint8Array(readFileSync(path)) });
  m.run({ maxInstructions: 50_000_000, maxMs: 10_000 });
  const cells = m.mem.ram.slice(0xb8000, 0xb8000 + 4000);
  return { screen: m.screenText(), cells };
}

describe('runQemu', () => {
  it('reads the final screen of a guest that halts with interrupts off', async () => {
    const path = image('  cli\n.stop:\n  hlt\n  jmp .stop');
    const q = await runQemu(path, { debugExit: false, timeoutMs: 15_000 });
    expect(q.stop).toBe('halted');
    expect(q.screenFresh).toBe(true);
    expect(q.screen.startsWith('Hello from int 10h\nsecond line')).toBe(true);
    expect(q.screen.split('\n')[3]).toMatch(/^ {5}AB$/);
    expect(q.cells![(3 * 80 + 6) * 2 + 1]).toBe(0x0b);
    const ours = bootlabScreen(path);
    expect(ours.screen).toBe(q.screen);
    expect(Array.from(ours.cells)).toEqual(Array.from(q.cells!));
  });

  it('stops once the awaited text shows, and reports the debug-exit status', async () => {
    const looping = image('.spin:\n  jmp .spin');
    const q = await runQemu(looping, { untilText: 'second line', timeoutMs: 15_000 });
    expect(q.stop).toBe('text');
    expect(q.screen).toContain('second line');
    const exiting = image('  mov al, 0x21\n  out 0xf4, al\n  cli\n  hlt');
    const e = await runQemu(exiting, { timeoutMs: 15_000 });
    expect(e.stop).toBe('debug-exit');
    expect(e.status).toBe((0x21 << 1) | 1);
    expect(e.screenFresh).toBe(false);
  });

  it('a boot sector that does not clear the screen prints on the row it prints on in QEMU', async () => {
    const r = assemble('bits 16\norg 0x7c00\n  mov ax, 0x0e58\n  int 0x10\n  cli\n  hlt\ntimes 510 - ($ - $$) db 0\ndw 0xaa55\n',
      { fileName: 'x.asm', bits: 16, readFile: () => undefined });
    if (!r.ok) throw new Error(r.errors.join('\n'));
    const path = join(dir, 'no-clear.img');
    writeFileSync(path, r.bytes);
    const q = await runQemu(path, { debugExit: false, timeoutMs: 15_000 });
    const ours = bootlabScreen(path);
    // The banners differ in wording (SeaBIOS and iPXE there, ours here); the boot line and the
    // guest's output sit on the same rows.
    expect(ours.screen.split('\n').slice(7)).toEqual(q.screen.split('\n').slice(7));
    expect(q.screen.split('\n').slice(7)).toEqual(['Booting from Hard Disk...', 'X']);
  });
});
