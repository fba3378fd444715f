// `cargo clean`: removes the target folder (the kernel, the disk image, the fingerprints), so the
// next build compiles everything again, and says what it removed in cargo's words
// (`     Removed 8 files, 20.3KiB total`; cargo's byte counts are binary units with one decimal).
import type { Vfs } from '../vfs.ts';
import { verb } from './verb.ts';

const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];

/** cargo's human-readable size: 1024-based, one decimal. */
export function humanBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)}${UNITS[unit]}`;
}

export function cargoClean(vfs: Vfs, print: (t: string) => void): number {
  const files = vfs.exists('target') ? vfs.listFiles('target') : [];
  let bytes = 0;
  for (const f of files) {
    const data = vfs.read(f);
    bytes += typeof data === 'string' ? new TextEncoder().encode(data).length : data.length;
  }
  if (vfs.exists('target')) vfs.remove('target', { recursive: true });
  const count = files.length === 1 ? '1 file' : `${files.length} files`;
  print(verb('Removed', bytes > 0 ? `${count}, ${humanBytes(bytes)} total` : count));
  return 0;
}
