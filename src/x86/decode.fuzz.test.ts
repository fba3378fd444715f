// The decoder never throws, on any bytes, and every length is 1-15.
import { describe, expect, it } from 'vitest';
import { decode } from './decode.ts';
import { formatInstruction } from './format.ts';
import { prng } from './prng.ts';
import type { Bits } from './types.ts';

const BYTES_PER_MODE = 2_000_000;

describe('decoder fuzz', () => {
  for (const bits of [16, 32, 64] as Bits[]) {
    it(`decodes ${BYTES_PER_MODE} random bytes in ${bits}-bit mode without throwing`, () => {
      const rnd = prng(0xf00d + bits);
      const bytes = new Uint8Array(BYTES_PER_MODE);
      for (let i = 0; i < bytes.length; i++) bytes[i] = (rnd() * 256) | 0;
      // Runs of prefixes are rare in uniform bytes: sprinkle some in.
      const prefixes = [0x66, 0x67, 0xf0, 0xf2, 0xf3, 0x26, 0x2e, 0x3e, 0x64, 0x65, 0x9b, 0x48, 0x41, 0x0f];
      for (let i = 0; i < bytes.length; i += 97) bytes[i] = prefixes[(rnd() * prefixes.length) | 0];
      let count = 0;
      let bad = 0;
      for (let off = 0; off < bytes.length;) {
        const ins = decode(bytes, off, { bits, address: BigInt(off) });
        if (!(ins.length >= 1 && ins.length <= 15)) throw new Error(`length ${ins.length} at ${off}`);
        if (!ins.invalid && !ins.unsupported && count % 16 === 0) formatInstruction(ins, { bits });
        if (ins.invalid) bad++;
        off += ins.length;
        count++;
      }
      console.log(`fuzz ${bits}-bit: ${count} instructions in ${BYTES_PER_MODE} bytes, ${bad} invalid`);
      expect(count).toBeGreaterThan(BYTES_PER_MODE / 15);
    }, 120_000); // a throughput-bound test: on a loaded 2-core CI machine it can take many seconds
  }

  it('survives truncated input at every cut', () => {
    const samples = ['48b81122334455667788', '66f30fb8c1', 'c4e27900c1', '62f17c4828c1', '0f0fc1b4', '8fea7810c101020304', 'f0f3f3f3f3f3f3f3f3f3f3f3f3f3f3a5'];
    for (const hex of samples) {
      const all = Uint8Array.from(hex.match(/../g)!.map((h) => parseInt(h, 16)));
      for (let n = 1; n <= all.length; n++) {
        for (const bits of [16, 32, 64] as Bits[]) {
          const ins = decode(all.subarray(0, n), 0, { bits });
          expect(ins.length).toBeGreaterThanOrEqual(1);
          expect(ins.length).toBeLessThanOrEqual(Math.min(n, 15));
        }
      }
    }
  });
});
