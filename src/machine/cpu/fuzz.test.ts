// Random instruction streams never crash the emulator: whatever the bytes, the CPU only raises
// guest exceptions (here ending in a triple fault, as no IDT is set up) or runs on.
import { describe, expect, it } from 'vitest';
import { enterLong, enterProtected32, load, rig } from './test-support.ts';

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; return s >>> 24; };
}

describe('random instruction streams', () => {
  for (const mode of [16, 32, 64] as const) {
    it(`${mode}-bit: 300 random programs run without a host exception`, () => {
      for (let seed = 1; seed <= 300; seed++) {
        const r = rig(4 << 20);
        if (mode === 64) enterLong(r);
        else if (mode === 32) enterProtected32(r);
        const next = lcg(seed * 7919 + mode);
        const code = new Uint8Array(256);
        for (let k = 0; k < code.length; k++) code[k] = next();
        load(r, 0x100000, code);
        r.cpu.flags &= ~0x200;
        r.cpu.hotRuns = 2;   // repeated blocks get compiled too
        let error: unknown = null;
        try { r.cpu.run(2000); } catch (e) { error = e; }
        if (error) throw new Error(`seed ${seed}: ${String(error)}\n${(error as Error).stack}`);
        expect(error).toBeNull();
      }
    }, 60_000);
  }
});
