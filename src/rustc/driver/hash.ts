// Content hashes: what a compiled crate depends on (sources, options, its dependencies' hashes),
// so the sysroot cache and cargo's freshness checks can tell when to rebuild.
import { xxh3_64 } from '../../link/xxh3.ts';

export function contentHash(parts: readonly string[]): string {
  // Length-prefixed so that no two different part lists give the same bytes.
  const text = parts.map((p) => `${p.length}:${p}`).join('');
  return xxh3_64(new TextEncoder().encode(text)).toString(16).padStart(16, '0');
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
