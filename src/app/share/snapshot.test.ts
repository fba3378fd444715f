import { deflateSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  MAX_UNPACKED_BYTES,
  crc32,
  decodeSnapshot,
  encodeSnapshot,
  fromBase64Url,
  snapshotFromHash,
  snapshotUrl,
  toBase64Url,
  type Snapshot,
} from './snapshot.ts';

const SNAP: Snapshot = {
  files: {
    'Cargo.toml': '[package]\nname = "blog_os"\nversion = "0.1.0"\n',
    'src/main.rs': '#![no_std]\n#![no_main]\n// ünïcødé ✓\n',
    '.cargo/config.toml': '[build]\ntarget = "x86_64-blog_os.json"\n',
  },
  open: 'src/main.rs',
  tabs: ['Cargo.toml', 'src/main.rs'],
  step: '02-a-target-of-our-own',
};

function pack(version: number, payload: Uint8Array, crc = crc32(payload)): string {
  const packed = deflateSync(payload);
  const bytes = new Uint8Array(5 + packed.length);
  bytes[0] = version;
  new DataView(bytes.buffer).setUint32(1, crc);
  bytes.set(packed, 5);
  return toBase64Url(bytes);
}

describe('base64url', () => {
  it('round-trips every length and uses only URL-safe characters', () => {
    for (let n = 0; n < 40; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 97 + n * 13) & 255);
      const s = toBase64Url(bytes);
      expect(s).toMatch(/^[A-Za-z0-9_-]*$/);
      expect(fromBase64Url(s)).toEqual(bytes);
    }
    expect(fromBase64Url('ab+c')).toBeNull();
    expect(fromBase64Url('a')).toBeNull();
  });
  it('agrees with the standard CRC-32', () => {
    expect(crc32(strToU8('123456789'))).toBe(0xcbf43926);
  });
});

describe('snapshot links', () => {
  it('round-trips files, open file, tabs and step', () => {
    const enc = encodeSnapshot(SNAP);
    expect(enc).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeSnapshot(enc)).toEqual({ ok: true, snapshot: SNAP });
  });

  it('finds the snapshot in a URL fragment', () => {
    const url = snapshotUrl('http://127.0.0.1:4317/#old', 'QUJD');
    expect(url).toBe('http://127.0.0.1:4317/#s=QUJD');
    expect(snapshotFromHash('#s=QUJD')).toBe('QUJD');
    expect(snapshotFromHash('#x=1&s=QUJD')).toBe('QUJD');
    expect(snapshotFromHash('#other')).toBeNull();
  });

  it('refuses a truncated link', () => {
    const enc = encodeSnapshot(SNAP);
    for (const cut of [1, 5, 10, Math.floor(enc.length / 2), enc.length - 3]) {
      const r = decodeSnapshot(enc.slice(0, enc.length - cut));
      expect(r.ok, `cut ${cut}`).toBe(false);
      if (!r.ok) expect(['damaged', 'characters']).toContain(r.reason);
    }
  });

  it('refuses a link with any single character changed', () => {
    const enc = encodeSnapshot(SNAP);
    for (let i = 0; i < enc.length; i++) {
      const swapped = enc[i] === 'A' ? 'B' : 'A';
      const r = decodeSnapshot(enc.slice(0, i) + swapped + enc.slice(i + 1));
      expect(r.ok, `position ${i}`).toBe(false);
    }
  });

  it('explains what is wrong', () => {
    expect(decodeSnapshot('')).toMatchObject({ ok: false, reason: 'empty' });
    expect(decodeSnapshot('abc$def')).toMatchObject({ ok: false, reason: 'characters' });
    expect(decodeSnapshot('AAAA')).toMatchObject({ ok: false, reason: 'damaged' });
    const payload = strToU8(JSON.stringify({ f: {}, s: 'x' }));
    const newer = decodeSnapshot(pack(2, payload));
    expect(newer).toMatchObject({ ok: false, reason: 'newer' });
    if (!newer.ok) expect(newer.message).toMatch(/newer version of Bootlab/);
    expect(decodeSnapshot(pack(1, payload, 1234))).toMatchObject({ ok: false, reason: 'damaged' });
  });

  it('checks the contents: paths, types, step', () => {
    const bad = (obj: unknown) => decodeSnapshot(pack(1, strToU8(JSON.stringify(obj))));
    expect(bad({ f: { '../etc/passwd': 'x' }, s: 'a' })).toMatchObject({ ok: false, reason: 'contents' });
    expect(bad({ f: { '/abs': 'x' }, s: 'a' })).toMatchObject({ ok: false, reason: 'contents' });
    expect(bad({ f: { a: 1 }, s: 'a' })).toMatchObject({ ok: false, reason: 'contents' });
    expect(bad({ f: { a: 'x' } })).toMatchObject({ ok: false, reason: 'contents' });
    expect(bad([1, 2])).toMatchObject({ ok: false, reason: 'contents' });
    const ok = bad({ f: { a: 'x' }, s: 'a', o: 'missing', t: ['a', 'missing', 3] });
    expect(ok).toEqual({ ok: true, snapshot: { files: { a: 'x' }, step: 'a', tabs: ['a'] } });
  });

  it('refuses a link that would unpack to something enormous', () => {
    const huge = strToU8(JSON.stringify({ f: { a: 'x'.repeat(MAX_UNPACKED_BYTES + 10) }, s: 'a' }));
    expect(decodeSnapshot(pack(1, huge))).toMatchObject({ ok: false, reason: 'too-large' });
  });
});
