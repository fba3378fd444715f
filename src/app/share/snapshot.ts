// Snapshot links: the learner's files, the open file and the lesson step, packed into the URL
// fragment (`#s=…`), so a link is the whole project and no server is involved.
//
// Format, version 1, before base64url (no padding):
//   byte 0      format version (1)
//   bytes 1–4   CRC-32 (big-endian) of the uncompressed payload
//   bytes 5…    the payload, compressed with raw DEFLATE
// The payload is UTF-8 JSON: { "f": { path: text, … }, "o": open path, "s": step id, "t": [tabs] }.
//
// Decoding never trusts the link: wrong characters, a truncated or altered stream, a checksum
// mismatch, a newer format, oversized contents or bad paths each give a clear reason and no data.
import { Inflate, deflateSync, strFromU8, strToU8 } from 'fflate';
import { normalizePath } from '../../toolchain/vfs.ts';

export const SNAPSHOT_VERSION = 1;
/** Longest link fragment we make or accept, in characters (chat apps and browsers cope with this). */
export const MAX_LINK_CHARS = 60_000;
/** Largest project a link may unpack to (guards against a crafted link that inflates hugely). */
export const MAX_UNPACKED_BYTES = 4 * 1024 * 1024;
export const MAX_FILES = 200;
export const FRAGMENT_KEY = 's';

export interface Snapshot {
  files: Record<string, string>;
  /** the file shown in the editor */
  open?: string;
  /** the open tabs, in order */
  tabs?: string[];
  /** the lesson step's id (its content folder name) */
  step: string;
}

export type DecodeResult =
  | { ok: true; snapshot: Snapshot }
  | { ok: false; reason: 'empty' | 'characters' | 'damaged' | 'newer' | 'too-large' | 'contents'; message: string };

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const B64_INDEX = new Map([...B64].map((c, i) => [c, i]));

export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    out += B64[a >> 2]! + B64[((a & 3) << 4) | ((b ?? 0) >> 4)]!;
    if (b !== undefined) out += B64[((b & 15) << 2) | ((c ?? 0) >> 6)]!;
    if (c !== undefined) out += B64[c & 63]!;
  }
  return out;
}

/** Decodes base64url (no padding; `=` padding tolerated); null for any other character. */
export function fromBase64Url(text: string): Uint8Array | null {
  const s = text.replace(/=+$/, '');
  if (s.length % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((s.length * 3) / 4));
  let o = 0;
  for (let i = 0; i < s.length; i += 4) {
    const v = [0, 1, 2, 3].map((k) => (i + k < s.length ? B64_INDEX.get(s[i + k]!) : 0));
    if (v.some((x) => x === undefined)) return null;
    const [a, b, c, d] = v as number[];
    out[o++] = (a! << 2) | (b! >> 4);
    if (i + 2 < s.length) out[o++] = ((b! & 15) << 4) | (c! >> 2);
    if (i + 3 < s.length) out[o++] = ((c! & 3) << 6) | d!;
  }
  return out.subarray(0, o);
}

/** Packs a snapshot; the result goes after `#s=`. */
export function encodeSnapshot(snapshot: Snapshot): string {
  const payload = strToU8(
    JSON.stringify({ f: snapshot.files, o: snapshot.open, s: snapshot.step, t: snapshot.tabs }),
  );
  const packed = deflateSync(payload, { level: 9 });
  const bytes = new Uint8Array(5 + packed.length);
  bytes[0] = SNAPSHOT_VERSION;
  new DataView(bytes.buffer).setUint32(1, crc32(payload));
  bytes.set(packed, 5);
  return toBase64Url(bytes);
}

const DAMAGED =
  'This link is damaged or incomplete, so it cannot be opened. It may have been cut off when it was ' +
  'copied: ask for the whole link again.';

function inflateLimited(data: Uint8Array): Uint8Array | 'damaged' | 'too-large' {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let tooLarge = false;
  let finished = false;
  const inflater = new Inflate((chunk, final) => {
    total += chunk.length;
    if (total > MAX_UNPACKED_BYTES) tooLarge = true;
    else chunks.push(chunk);
    if (final) finished = true;
  });
  try {
    inflater.push(data, true);
  } catch {
    return tooLarge ? 'too-large' : 'damaged';
  }
  if (tooLarge) return 'too-large';
  if (!finished) return 'damaged';
  const out = new Uint8Array(total);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

export function decodeSnapshot(encoded: string): DecodeResult {
  const text = encoded.trim();
  if (text === '') return { ok: false, reason: 'empty', message: 'This link holds no project: the part after “#s=” is empty.' };
  if (text.length > MAX_LINK_CHARS * 2) {
    return { ok: false, reason: 'too-large', message: 'This link is far longer than any Bootlab makes, so it was not opened.' };
  }
  const bytes = fromBase64Url(text);
  if (!bytes) {
    return {
      ok: false,
      reason: 'characters',
      message: 'This link contains characters that a Bootlab link never has, so it was not opened. It may have been changed by hand or by the program it passed through.',
    };
  }
  if (bytes.length < 6) return { ok: false, reason: 'damaged', message: DAMAGED };
  const version = bytes[0]!;
  if (version > SNAPSHOT_VERSION) {
    return {
      ok: false,
      reason: 'newer',
      message: `This link was made by a newer version of Bootlab (link format ${version}; this page reads format ${SNAPSHOT_VERSION}). Reload the page to get the newest Bootlab, then open the link again.`,
    };
  }
  if (version === 0) return { ok: false, reason: 'damaged', message: DAMAGED };
  const expected = new DataView(bytes.buffer, bytes.byteOffset).getUint32(1);
  const payload = inflateLimited(bytes.subarray(5));
  if (payload === 'too-large') {
    return { ok: false, reason: 'too-large', message: `This link unpacks to more than ${MAX_UNPACKED_BYTES / 1024 / 1024} MB, more than any Bootlab project, so it was not opened.` };
  }
  if (payload === 'damaged' || crc32(payload) !== expected) return { ok: false, reason: 'damaged', message: DAMAGED };

  let data: unknown;
  try {
    data = JSON.parse(strFromU8(payload));
  } catch {
    return { ok: false, reason: 'damaged', message: DAMAGED };
  }
  const contents = (why: string): DecodeResult => ({ ok: false, reason: 'contents', message: `This link’s project cannot be used: ${why}` });
  if (typeof data !== 'object' || data === null) return contents('it holds no files.');
  const { f, o, s, t } = data as Record<string, unknown>;
  if (typeof f !== 'object' || f === null || Array.isArray(f)) return contents('it holds no files.');
  const entries = Object.entries(f as Record<string, unknown>);
  if (entries.length > MAX_FILES) return contents(`it holds more than ${MAX_FILES} files.`);
  const files: Record<string, string> = {};
  for (const [path, content] of entries) {
    let p: string;
    try {
      p = normalizePath(path);
    } catch {
      return contents(`the file name “${path}” is not allowed.`);
    }
    if (p === '' || p !== path) return contents(`the file name “${path}” is not allowed.`);
    if (typeof content !== 'string') return contents(`the file “${path}” is not text.`);
    files[p] = content;
  }
  if (typeof s !== 'string') return contents('it does not say which lesson step it belongs to.');
  const snapshot: Snapshot = { files, step: s };
  if (typeof o === 'string' && o in files) snapshot.open = o;
  if (Array.isArray(t)) snapshot.tabs = t.filter((x): x is string => typeof x === 'string' && x in files);
  return { ok: true, snapshot };
}

/** The link for a snapshot, on the page's own address. */
export function snapshotUrl(base: string, encoded: string): string {
  const u = base.split('#')[0]!;
  return `${u}#${FRAGMENT_KEY}=${encoded}`;
}

/** The encoded snapshot in a URL fragment (`#s=…`), or null when the fragment holds none. */
export function snapshotFromHash(hash: string): string | null {
  const h = hash.startsWith('#') ? hash.slice(1) : hash;
  for (const part of h.split('&')) {
    if (part.startsWith(`${FRAGMENT_KEY}=`)) return part.slice(FRAGMENT_KEY.length + 1);
  }
  return null;
}
