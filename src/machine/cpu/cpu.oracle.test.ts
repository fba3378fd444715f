// Differential test of the CPU against QEMU (TCG): boot programs in testdata/ (assembled by
// NASM through the boot-programs harness, whose include directories hold the shared macros of
// testdata/inc/ and boot-programs/inc/) and the rustc-built kernel image run in
// qemu-system-x86_64 and in Bootlab's machine; what each prints on COM1 and the isa-debug-exit
// status must agree.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assembleWithNasm, bootlabOutcome, qemuOutcome, suiteTempDir } from '../boot-programs/harness.ts';

const MAX_INSTRUCTIONS = 2_000_000_000;

const dir = suiteTempDir('bootlab-cpu-');

const asmDir = new URL('./testdata/', import.meta.url).pathname;
const programs = readdirSync(asmDir).filter((f) => f.endsWith('.asm'));

describe('boot programs: Bootlab and QEMU print the same and exit the same', () => {
  for (const name of programs) {
    it(name, async () => {
      const image = await assembleWithNasm(join(asmDir, name), dir());
      const theirs = await qemuOutcome(image);
      const bytes = new Uint8Array(readFileSync(image));
      expect(bootlabOutcome(bytes, MAX_INSTRUCTIONS)).toEqual(theirs);
      // Again with every block compiled from its first run.
      expect(bootlabOutcome(bytes, MAX_INSTRUCTIONS, 1)).toEqual(theirs);
    });
  }
  it('rust-kernel/disk.img', async () => {
    const image = new URL('../testdata/rust-kernel/disk.img', import.meta.url).pathname;
    const theirs = await qemuOutcome(image);
    expect(bootlabOutcome(new Uint8Array(readFileSync(image)), MAX_INSTRUCTIONS)).toEqual(theirs);
  });
});
