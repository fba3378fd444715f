// Runs GNU objdump over a flat binary and reads its listing back (Node only: used by the
// oracle suite and by `decode.oracle.test.ts`, never by the browser build).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Bits } from '../types.ts';

export interface ObjdumpLine {
  readonly offset: number;
  readonly length: number;
  /** objdump's text, with its column padding collapsed ("mov    eax,ebx" -> "mov eax,ebx"). */
  readonly text: string;
}

export const OBJDUMP = process.env.OBJDUMP ?? '/usr/bin/objdump';
const MACHINE: Record<Bits, string> = { 16: 'i8086', 32: 'i386', 64: 'i386:x86-64' };

/** objdump -D -b binary -m MACHINE -M intel over `bytes`, one entry per instruction. */
export function objdumpListing(bytes: Uint8Array, bits: Bits): ObjdumpLine[] {
  const dir = mkdtempSync(join(tmpdir(), 'bootlab-objdump-'));
  try {
    const file = join(dir, 'code.bin');
    writeFileSync(file, bytes);
    const out = execFileSync(OBJDUMP, ['-D', '-z', '--insn-width=16', '-b', 'binary', '-m', MACHINE[bits], '-M', 'intel', file], {
      maxBuffer: 1 << 30, encoding: 'latin1',
    });
    return parseListing(out);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const LINE = /^ *([0-9a-f]+):\t([0-9a-f ]+?) *(?:\t(.*))?$/;

export function parseListing(out: string): ObjdumpLine[] {
  const lines: { offset: number; length: number; text: string }[] = [];
  for (const raw of out.split('\n')) {
    const m = LINE.exec(raw);
    if (!m) continue;
    const n = m[2].trim().split(' ').length;
    const offset = parseInt(m[1], 16);
    if (m[3] === undefined) {
      // A continuation line: more bytes of the instruction above.
      const last = lines[lines.length - 1];
      if (last && last.offset + last.length === offset) last.length += n;
      continue;
    }
    lines.push({ offset, length: n, text: m[3].replace(/\s+/g, ' ').trim() });
  }
  return lines;
}
