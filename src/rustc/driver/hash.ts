// Content hashes: what a compiled crate depends on (sources, options, its dependencies' hashes),
// so the sysroot cache and cargo's freshness checks can tell when to rebuild.

export function contentHash(parts: readonly string[]): string {
  // Two 32-bit multiply-xorshift lanes over the UTF-16 units, each part preceded by its length
  // so that no two different part lists hash the same input. A cache key, not a checksum to
  // match anyone else's: it runs over all of core's sources on a cold build, where XXH3 in
  // BigInt arithmetic (after encoding the text to UTF-8) took 35-50 ms and this takes ~1.
  let a = 0x9e3779b9;
  let b = 0x85ebca6b;
  for (const p of parts) {
    a = Math.imul(a ^ p.length, 0x9e3779b1);
    b = Math.imul(b ^ p.length, 0x5f356495);
    // written out, not a helper per unit: a cold build runs this loop in the interpreter
    for (let i = 0; i < p.length; i++) {
      const c = p.charCodeAt(i);
      a = Math.imul(a ^ c, 0x9e3779b1);
      b = Math.imul(b ^ c, 0x5f356495);
    }
  }
  // final avalanche, each lane folded with the other so every input unit reaches all 64 bits
  const a1 = Math.imul(a ^ (a >>> 16), 0x85ebca6b) ^ Math.imul(b ^ (b >>> 13), 0xc2b2ae35);
  const b1 = Math.imul(b ^ (b >>> 16), 0x85ebca6b) ^ Math.imul(a1 ^ (a1 >>> 13), 0xc2b2ae35);
  const hex = (x: number) => ((x ^ (x >>> 15)) >>> 0).toString(16).padStart(8, '0');
  return hex(b1) + hex(a1);
}

export function crateHash(input: {
  crateName: string; crateType: string; rootPath: string; edition: string; release: boolean; nightly: boolean;
  files: ReadonlyMap<string, string>; cfg: { features: readonly string[] }; externs: readonly { hash: string }[];
}): string {
  const files = [...input.files.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).flat();
  return contentHash([
    input.crateName, input.crateType, input.rootPath, input.edition, String(input.release), String(input.nightly),
    [...input.cfg.features].sort().join(','), ...input.externs.map((e) => e.hash), ...files,
  ]);
}
