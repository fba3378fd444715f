// Differential test: the shell's qemu-system-x86_64 against the real one, for the command
// lines that QEMU refuses before it starts. Same files on disk and in the shell's file system,
// same arguments; the shell must print QEMU's own message (its first line on stderr) and
// fail as it does.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Vfs } from '../vfs.ts';
import { Shell } from './shell.ts';

const dir = mkdtempSync(join(tmpdir(), 'bootlab-qemu-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const disk = new Uint8Array(512);
disk[510] = 0x55;
disk[511] = 0xaa;
writeFileSync(join(dir, 'disk.img'), disk);
mkdirSync(join(dir, 'folder'));

const cases: string[][] = [
  ['-drive', 'format=raw,file=/nope'],
  ['-drive', 'format=raw,file=missing.img'],
  ['-hda', '/nope'],
  ['/nope'],
  ['-foo'],
  ['-drive'],
  ['-hda'],
  ['-drive', 'format=raw'],
  ['-drive', 'format=qcow9,file=disk.img'],
  ['-drive', 'format=raw,file=disk.img,bogus=1'],
  ['-drive', 'format=raw,file=folder'],
  ['-drive', 'file=/nope,format=raw'],
  ['missing.img', '-display', 'none'],
];

describe('qemu-system-x86_64 refuses what QEMU refuses, in its words', () => {
  for (const args of cases) {
    it(args.join(' '), async () => {
      const real = spawnSync('qemu-system-x86_64', ['-display', 'none', '-no-reboot', ...args], { cwd: dir, encoding: 'utf8', timeout: 20_000 });
      expect(real.status).toBe(1);
      const expected = real.stderr.split('\n')[0];

      const printed: string[] = [];
      const shell = new Shell({
        vfs: Vfs.from({ 'disk.img': disk, 'folder/.keep': '' }),
        terminal: { print: (t) => printed.push(t), clear: () => {} },
        machine: { boot: () => ({ exitStatus: 0 }) },
      });
      const quoted = args.map((a) => `'${a}'`).join(' ');
      expect(await shell.run(`qemu-system-x86_64 ${quoted}`)).toBe(1);
      expect(printed[0]).toBe(expected);
    });
  }
});
