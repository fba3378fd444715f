// Differential test of the whole PC against QEMU with boot programs written the way people
// test a PC (BIOS services, devices, protected-mode and paging corner cases, 64-bit system
// instructions): each is assembled by NASM (harness.ts: include paths this folder and
// ../cpu/testdata/) and booted in qemu-system-x86_64 and in Bootlab's machine; what it prints
// on COM1 and its isa-debug-exit status must agree, with blocks interpreted first and with
// every block compiled from its first run.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assembleProgram, BOOT_PROGRAMS, bootlabOutcome, qemuOutcome, suiteTempDir } from './harness.ts';

const dir = suiteTempDir('bootlab-programs-');

describe('boot programs people write: Bootlab and QEMU print the same and exit the same', () => {
  for (const name of BOOT_PROGRAMS) {
    it(name, async () => {
      const image = await assembleProgram(name, dir());
      const theirs = await qemuOutcome(image);
      expect(theirs.serial.length, 'QEMU printed nothing').toBeGreaterThan(0);
      const bytes = new Uint8Array(readFileSync(image));
      expect(bootlabOutcome(bytes, 4_000_000_000)).toEqual(theirs);
      expect(bootlabOutcome(bytes, 4_000_000_000, 1)).toEqual(theirs);
    });
  }
});
