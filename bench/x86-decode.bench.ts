// Decoder throughput: instructions decoded per second over the encoder's corpus (every table
// form in every mode, NASM's encodings), after a warm-up.
import { decode } from '../src/x86/decode.ts';
import { corpus } from '../src/x86/corpus.ts';
import type { Bits } from '../src/x86/types.ts';
import type { BenchResult } from './run.ts';

export default async function bench(): Promise<BenchResult[]> {
  const items = corpus();
  const results: BenchResult[] = [];
  let totalIns = 0;
  let totalMs = 0;
  for (const bits of [16, 32, 64] as Bits[]) {
    const parts = items.filter((i) => i.bits === bits).map((i) => i.bytes);
    const size = parts.reduce((n, p) => n + p.length, 0);
    const stream = new Uint8Array(size);
    let at = 0;
    for (const p of parts) { stream.set(p, at); at += p.length; }
    const pass = () => {
      let n = 0;
      for (let off = 0; off < stream.length; n++) off += decode(stream, off, { bits, address: BigInt(off) }).length;
      return n;
    };
    for (let i = 0; i < 5; i++) pass(); // warm-up
    let n = 0;
    const t0 = performance.now();
    let elapsed = 0;
    while (elapsed < 500) { n += pass(); elapsed = performance.now() - t0; }
    results.push({ name: `decode ${bits}-bit corpus`, value: Math.round((n / elapsed) * 1000), unit: 'instructions/s' });
    totalIns += n;
    totalMs += elapsed;
  }
  results.push({ name: 'decode all modes', value: Math.round((totalIns / totalMs) * 1000), unit: 'instructions/s' });
  return results;
}
