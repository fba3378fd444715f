// The screen of the boot programs that write it (through int 10h and straight into 0xB8000):
// QEMU's final 80x25 text screen, read through QMP by runQemu, must equal Bootlab's, as text
// and cell for cell (characters and attributes). The programs end with an out to port 0xf4
// and cli; hlt: without the isa-debug-exit device QEMU ignores the out and halts, so its screen
// is read after the program's last write.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createMachine } from '../machine.ts';
import { runQemu } from '../oracle/qemu.ts';
import { assembleProgram, suiteTempDir } from './harness.ts';

const SCREEN_PROGRAMS = ['tty-scroll.asm', 'video-calls.asm', 'vga-direct.asm'];

const dir = suiteTempDir('bootlab-screens-');

describe('boot programs that write the screen: Bootlab shows what QEMU shows', () => {
  for (const name of SCREEN_PROGRAMS) {
    it(name, async () => {
      const image = await assembleProgram(name, dir());
      const q = await runQemu(image, { debugExit: false, timeoutMs: 20_000 });
      expect(q.stop).toBe('halted');
      const m = createMachine({ diskImage: new Uint8Array(readFileSync(image)) });
      const stop = m.run({ maxInstructions: 2_000_000_000, maxMs: 20_000 });
      expect(stop.kind).toBe('debug-exit');
      expect(q.screen.length).toBeGreaterThan(0);
      expect(m.screenText()).toBe(q.screen);
      expect(Array.from(m.mem.ram.slice(0xb8000, 0xb8000 + 4000))).toEqual(Array.from(q.cells!));
    });
  }
});
