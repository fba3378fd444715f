// Differential test of the decoder against GNU objdump 2.40 (`objdump -D -b binary -M intel`
// with -m i8086 / i386 / i386:x86-64): instruction lengths, and the text after
// normalizeObjdump() (objdump-normalize.ts lists every rule), for random byte sequences and
// for the encoder's corpus when it exists.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareStreams, randomSequences, type CompareResult } from './oracle/compare.ts';
import { OBJDUMP } from './oracle/objdump.ts';
import type { Bits } from './types.ts';

const MODES: Bits[] = [16, 32, 64];
/** 100,000 random sequences of 16 bytes, split over the three modes. */
const SEQUENCES = 100_000;

function report(bits: Bits, what: string, r: CompareResult): void {
  console.log(`objdump ${what} ${bits}-bit: ${r.compared} instructions compared (${r.textCompared} by text, ${r.unsupported} unsupported, `
    + `${r.invalid} invalid), ${r.mismatches.length} mismatches, ${r.vexBadDivergences} VEX/EVEX/XOP encodings objdump rejects (documented)`);
  for (const m of r.mismatches.slice(0, 20)) console.log(`  ${m.kind} | ${m.bytes} | ours(${m.oursLength}): ${m.ours} | objdump(${m.objdumpLength}): ${m.objdump}`);
}

describe.skipIf(!existsSync(OBJDUMP))('decoder agrees with objdump', () => {
  for (const [i, bits] of MODES.entries()) {
    it(`on random bytes, ${bits}-bit`, () => {
      const count = Math.floor(SEQUENCES / 3) + (i === 0 ? SEQUENCES % 3 : 0);
      const { buffer, starts, ends } = randomSequences(0xb007 + bits, count);
      const r = compareStreams(buffer, bits, starts, ends);
      report(bits, 'random', r);
      expect(r.compared).toBeGreaterThan(count * 3);
      expect(r.mismatches).toEqual([]);
    });
  }

  it('on the encoder corpus', async () => {
    let corpus: { bits: Bits; bytes: Uint8Array }[] | undefined;
    try {
      const path = './corpus.ts';
      const mod = (await import(/* @vite-ignore */ path)) as Record<string, unknown>;
      const make = (mod.buildCorpus ?? mod.corpus ?? mod.generateCorpus) as unknown;
      const items = typeof make === 'function' ? (make as () => unknown)() : make;
      if (Array.isArray(items)) corpus = items as { bits: Bits; bytes: Uint8Array }[];
    } catch {
      corpus = undefined;
    }
    if (!corpus) {
      console.log('objdump corpus: src/x86/corpus.ts is not there yet; skipped');
      return;
    }
    for (const bits of MODES) {
      const items = corpus.filter((c) => c.bits === bits);
      // Each instruction followed by 15 NOPs, so objdump is in step at every item.
      const starts: number[] = [];
      const ends: number[] = [];
      const parts: number[] = [];
      for (const it of items) {
        starts.push(parts.length);
        for (const b of it.bytes) parts.push(b);
        ends.push(parts.length);
        for (let k = 0; k < 15; k++) parts.push(0x90);
      }
      const r = compareStreams(Uint8Array.from(parts), bits, starts, ends);
      report(bits, 'corpus', r);
      expect(r.compared).toBeGreaterThanOrEqual(items.length);
      expect(r.mismatches).toEqual([]);
    }
  });
});
