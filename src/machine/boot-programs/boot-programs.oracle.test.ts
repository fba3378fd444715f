// Differential test of the whole PC against QEMU with boot programs written the way people
// test a PC (BIOS services, devices, protected-mode and paging corner cases, 64-bit system
// instructions): each is assembled by NASM (include paths: this folder for inc/probe.inc,
// ../cpu/testdata/ for the shared macros) and booted in qemu-system-x86_64 and in Bootlab's
// machine; what it prints on COM1 and its isa-debug-exit status must agree, with blocks
// interpreted first and with every block compiled from its first run.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMachine } from '../machine.ts';
import { assembleProgram, BOOT_PROGRAMS } from './assemble.ts';

const run = promisify(execFile);
const QEMU = process.env.QEMU ?? 'qemu-system-x86_64';

let dir = '';
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'bootlab-programs-')); });
afterAll(() => { if (dir) rmSync(dir, { recursive: true, force: true }); });

async function qemu(image: string): Promise<{ serial: string; status: number }> {
  const serial = join(dir, `${image.split('/').pop()}.serial`);
  const args = ['-cpu', 'max', '-display', 'none', '-no-reboot', '-monitor', 'none', '-m', '128',
    '-drive', `format=raw,file=${image}`, '-serial', `file:${serial}`,
    '-device', 'isa-debug-exit,iobase=0xf4,iosize=0x04'];
  let status = 0;
  try {
    await run(QEMU, args, { timeout: 20_000 });
  } catch (e) {
    status = (e as { code?: number }).code ?? -1;
  }
  return { serial: readFileSync(serial, 'latin1'), status };
}

function bootlab(image: Uint8Array, hotRuns?: number): { serial: string; status: number } {
  const m = createMachine({ diskImage: image });
  if (hotRuns !== undefined) m.cpu.hotRuns = hotRuns;
  const stop = m.run({ maxInstructions: 4_000_000_000, maxMs: 20_000 });
  const status = stop.kind === 'debug-exit' ? ((stop.code << 1) | 1) & 0xff : stop.kind === 'triple-fault' ? 0 : -2;
  return { serial: m.serialOutput(), status };
}

describe('boot programs people write: Bootlab and QEMU print the same and exit the same', () => {
  for (const name of BOOT_PROGRAMS) {
    it(name, async () => {
      const image = await assembleProgram(name, dir);
      const theirs = await qemu(image);
      expect(theirs.serial.length, 'QEMU printed nothing').toBeGreaterThan(0);
      const bytes = new Uint8Array(readFileSync(image));
      expect(bootlab(bytes)).toEqual(theirs);
      expect(bootlab(bytes, 1)).toEqual(theirs);
    });
  }
});
