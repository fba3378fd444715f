// cargo's freshness, as far as Bootlab needs it: a unit (the std crates, the learner's crate) is
// fresh when the hash of everything that goes into it — sources, manifest, config, target file,
// toolchain, profile, the crates it depends on — equals the one recorded when it was last built.
// Records live under the profile's `.fingerprint/` folder, as cargo keeps its own there, with the
// warnings of the last compile (cargo replays them when a unit is fresh).
import type { Vfs } from '../vfs.ts';

/** FNV-1a over UTF-16 units, two 32-bit lanes: a stable 16-hex-digit digest (not cryptographic). */
export function hashParts(parts: readonly (string | number | boolean | undefined)[]): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x9e3779b9;
  for (const part of parts) {
    const s = `${typeof part}:${String(part)}\u0000`;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193) >>> 0;
      b = Math.imul(b ^ c ^ (a >>> 7), 0x01000193) >>> 0;
    }
  }
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}

export interface UnitRecord {
  hash: string;
  /** the hash of the unit's options alone (what can be known before compiling it) */
  options?: string;
  /** what rustc printed for the unit's warnings (replayed when fresh) */
  warnings?: string;
  warningCount?: number;
}

const recordPath = (profileDir: string, unit: string) => `${profileDir}/.fingerprint/${unit}.json`;

export function readRecord(vfs: Vfs, profileDir: string, unit: string): UnitRecord | undefined {
  const text = vfs.tryReadText(recordPath(profileDir, unit));
  if (text === undefined) return undefined;
  try {
    const r = JSON.parse(text) as UnitRecord;
    return typeof r.hash === 'string' ? r : undefined;
  } catch {
    return undefined;
  }
}

export function writeRecord(vfs: Vfs, profileDir: string, unit: string, record: UnitRecord): void {
  vfs.writeFile(recordPath(profileDir, unit), JSON.stringify(record));
}

export function removeRecord(vfs: Vfs, profileDir: string, unit: string): void {
  const p = recordPath(profileDir, unit);
  if (vfs.isFile(p)) vfs.remove(p);
}
