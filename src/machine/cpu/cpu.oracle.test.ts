// Differential test of the CPU against QEMU (TCG): boot programs in testdata/ (assembled by
// NASM, with testdata/ as include directory for the shared macros in testdata/inc/) and the
// rustc-built kernel image run in qemu-system-x86_64 and in Bootlab's machine; what each prints
// on COM1 and the isa-debug-exit status must agree.
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMachine } from '../machine.ts';

const run = promisify(execFile);
const NASM = process.env.NASM ?? 'nasm';
const QEMU = process.env.QEMU ?? 'qemu-system-x86_64';

let dir = '';
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'bootlab-cpu-')); });
afterAll(() => { if (dir) rmSync(dir, { recursive: true, force: true }); });

async function qemu(image: string): Promise<{ serial: string; status: number }> {
  const serial = join(dir, 'serial.txt');
  // -cpu max: the default qemu64 model lacks POPCNT, LZCNT and BMI1, which this CPU reports.
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
  const stop = m.run({ maxInstructions: 2_000_000_000, maxMs: 20_000 });
  const status = stop.kind === 'debug-exit' ? ((stop.code << 1) | 1) & 0xff : stop.kind === 'triple-fault' ? 0 : -2;
  return { serial: m.serialOutput(), status };
}

const asmDir = new URL('./testdata/', import.meta.url).pathname;
const programs = readdirSync(asmDir).filter((f) => f.endsWith('.asm'));

describe('boot programs: Bootlab and QEMU print the same and exit the same', () => {
  for (const name of programs) {
    it(name, async () => {
      const out = join(dir, name.replace(/\.asm$/, '.img'));
      await run(NASM, ['-f', 'bin', '-i', asmDir, '-o', out, join(asmDir, name)]);
      const theirs = await qemu(out);
      const ours = bootlab(new Uint8Array(readFileSync(out)));
      expect(ours).toEqual(theirs);
      // Again with every block compiled from its first run.
      expect(bootlab(new Uint8Array(readFileSync(out)), 1)).toEqual(theirs);
    });
  }
  it('rust-kernel/disk.img', async () => {
    const image = new URL('../testdata/rust-kernel/disk.img', import.meta.url).pathname;
    const theirs = await qemu(image);
    const ours = bootlab(new Uint8Array(readFileSync(image)));
    expect(ours).toEqual(theirs);
  });
});
