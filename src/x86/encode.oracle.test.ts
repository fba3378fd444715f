// Differential test of the encoder against NASM 2.16 (`nasm -f bin`). The whole corpus of
// corpus.ts is assembled in a few batches (one file per mode and chunk, each instruction in
// its own 16-byte slot at a known address), NASM's listing maps bytes back to instructions,
// and every instruction's bytes must equal encode()'s, except the few listed with a reason in
// encode-differences.ts. A second corpus of likely-invalid instructions checks that what
// NASM rejects, encode() rejects too (and that what it accepts encodes the same).
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendFileSync } from 'node:fs';
import { corpus, errorCorpus, CORPUS_ORG, type CorpusItem } from './corpus.ts';
import { encode } from './encode.ts';
import { knownDifference } from './encode-differences.ts';
import { EncodeError, type Bits } from './types.ts';

const run = promisify(execFile);
const NASM = process.env.NASM ?? 'nasm';

interface NasmLine {
  bytes?: Uint8Array;
  errors: string[];
  warnings: string[];
}

interface Batch {
  bits: Bits;
  items: CorpusItem[];
}

function batches(items: readonly CorpusItem[]): Batch[] {
  const map = new Map<string, Batch>();
  for (const item of items) {
    const key = `${item.bits}-${item.chunk}`;
    let b = map.get(key);
    if (!b) map.set(key, (b = { bits: item.bits, items: [] }));
    b.items.push(item);
  }
  return [...map.values()];
}

/** Hex digits of a listing's data column: relocated fields are shown in () or []. */
function listingBytes(field: string): number {
  return field.replace(/[()[\]-]/g, '').length / 2;
}

/**
 * Assembles one batch; returns, per item, its bytes (from the binary, at the offset and
 * length the listing gives) or NASM's errors and warnings for its line.
 */
async function assemble(dir: string, name: string, batch: Batch): Promise<NasmLine[]> {
  const org = CORPUS_ORG[batch.bits];
  const src: string[] = [`bits ${batch.bits}`, `org 0x${org.toString(16)}`];
  const lineOf: number[] = [];
  for (const item of batch.items) {
    const offset = item.address - org;
    src.push(`times 0x${offset.toString(16)}-($-$$) db 0xcc`);
    src.push(item.text);
    lineOf.push(src.length);
  }
  const asm = join(dir, `${name}.asm`);
  const lst = join(dir, `${name}.lst`);
  const bin = join(dir, `${name}.bin`);
  const result: NasmLine[] = batch.items.map(() => ({ errors: [], warnings: [] }));
  const itemAtLine = new Map<number, number>();
  lineOf.forEach((line, i) => itemAtLine.set(line, i));
  // NASM writes no output when a line fails: lines with errors are blanked and the file
  // assembled again (padding keeps every other line at its address).
  for (let pass = 0; ; pass++) {
    writeFileSync(asm, src.join('\n') + '\n');
    let stderr = '';
    try {
      const r = await run(NASM, ['-f', 'bin', '-l', lst, '-o', bin, asm], { maxBuffer: 64 << 20 });
      stderr = r.stderr;
    } catch (e) {
      stderr = (e as { stderr?: string }).stderr ?? String(e);
    }
    let failed = false;
    // Warnings come from NASM's last pass, which it does not reach after an error.
    for (const r of result) r.warnings = [];
    for (const line of stderr.split('\n')) {
      const m = /^[^:]*:(\d+): (error|warning): (.*)$/.exec(line);
      if (!m) continue;
      const i = itemAtLine.get(Number(m[1]));
      if (i === undefined) throw new Error(`nasm: ${line}`);
      if (m[2] === 'error') {
        result[i].errors.push(m[3]);
        src[Number(m[1]) - 1] = '; (rejected)';
        failed = true;
      } else {
        result[i].warnings.push(m[3]);
      }
    }
    if (!failed) break;
    if (pass === 3) throw new Error(`nasm keeps failing on ${name}`);
  }
  const binary = readFileSync(bin);
  const extent = new Map<number, { offset: number; length: number }>();
  for (const line of readFileSync(lst, 'utf8').split('\n')) {
    const m = /^ *(\d+) ([0-9A-F]{8}) (\S+)/.exec(line);
    if (!m) continue;
    const n = Number(m[1]);
    const e = extent.get(n);
    if (e) e.length += listingBytes(m[3]);
    else extent.set(n, { offset: parseInt(m[2], 16), length: listingBytes(m[3]) });
  }
  lineOf.forEach((line, i) => {
    if (result[i].errors.length > 0) return;
    const e = extent.get(line);
    result[i].bytes = e ? new Uint8Array(binary.subarray(e.offset, e.offset + e.length)) : new Uint8Array(0);
  });
  return result;
}

/** BOOTLAB_ORACLE_REPORT=FILE writes every failure there (the assertions show the first ones). */
function report(title: string, lines: string[]): void {
  const file = process.env.BOOTLAB_ORACLE_REPORT;
  if (file && lines.length) appendFileSync(file, `== ${title} (${lines.length})\n${lines.join('\n')}\n`);
}

const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join(' ');

function tryEncode(item: CorpusItem): Uint8Array | EncodeError {
  try {
    return encode(item.ins, { bits: item.bits, address: item.address });
  } catch (e) {
    if (e instanceof EncodeError) return e;
    throw e;
  }
}

let dir = '';
let valid: { items: CorpusItem[]; nasm: NasmLine[] };
let invalid: { items: CorpusItem[]; nasm: NasmLine[] };

async function assembleAll(prefix: string, items: CorpusItem[]): Promise<{ items: CorpusItem[]; nasm: NasmLine[] }> {
  const bs = batches(items);
  const results = await Promise.all(bs.map((b, i) => assemble(dir, `${prefix}${i}`, b)));
  return { items: bs.flatMap((b) => b.items), nasm: results.flat() };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bootlab-nasm-'));
  [valid, invalid] = await Promise.all([assembleAll('corpus', corpus()), assembleAll('errors', errorCorpus())]);
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('encode() against nasm -f bin', () => {
  it('nasm accepts every corpus instruction without a warning', () => {
    const bad = valid.items.flatMap((item, i) => {
      const r = valid.nasm[i];
      const msgs = [...r.errors.map((e) => `error: ${e}`), ...r.warnings.map((w) => `warning: ${w}`)];
      return msgs.length ? [`${item.bits}-bit ${item.text}: ${msgs.join('; ')}`] : [];
    });
    report('nasm does not take cleanly', bad);
    expect(bad.slice(0, 50), `${bad.length} corpus lines NASM does not take cleanly`).toEqual([]);
  });

  it('encodes every corpus instruction to the bytes nasm produces', () => {
    const mismatches: string[] = [];
    let compared = 0;
    let listed = 0;
    valid.items.forEach((item, i) => {
      const want = valid.nasm[i].bytes;
      if (!want) return;
      if (valid.nasm[i].warnings.length) return;
      compared++;
      const got = tryEncode(item);
      const gotText = got instanceof EncodeError ? `error: ${got.message}` : hex(got);
      if (gotText === hex(want)) return;
      if (knownDifference(item, want, got)) { listed++; return; }
      mismatches.push(`${item.bits}-bit ${item.text}: nasm ${hex(want)}, encode ${gotText}`);
    });
    report('mismatches', mismatches);
    const perMode = [16, 32, 64].map((b) => `${b}-bit ${valid.items.filter((i) => i.bits === b).length}`).join(', ');
    console.log(`nasm corpus: ${compared} instructions (${perMode}), ${mismatches.length} mismatches, ${listed} listed differences`);
    expect(compared).toBe(valid.items.length);
    expect(mismatches.slice(0, 80), `${mismatches.length} mismatches of ${compared} (${listed} listed differences)`).toEqual([]);
  });

  it('rejects what nasm rejects, and encodes like nasm what it accepts', () => {
    const problems: string[] = [];
    let rejected = 0;
    let listed = 0;
    invalid.items.forEach((item, i) => {
      const r = invalid.nasm[i];
      const got = tryEncode(item);
      if (r.errors.length > 0) {
        rejected++;
        if (!(got instanceof EncodeError)) problems.push(`${item.bits}-bit ${item.text}: nasm says "${r.errors[0]}", encode gives ${hex(got)}`);
        return;
      }
      if (!r.bytes) return;
      // Where NASM only warns, encode() may be stricter; if it encodes, it encodes the same.
      if (r.warnings.length > 0 && got instanceof EncodeError) return;
      const gotText = got instanceof EncodeError ? `error: ${got.message}` : hex(got);
      if (gotText === hex(r.bytes)) return;
      if (knownDifference(item, r.bytes, got)) listed++;
      else problems.push(`${item.bits}-bit ${item.text}: nasm ${hex(r.bytes)}, encode ${gotText}`);
    });
    report('error corpus', problems);
    console.log(`nasm error corpus: ${invalid.items.length} instructions, ${rejected} rejected by nasm, ${problems.length} problems, ${listed} listed differences`);
    expect(rejected).toBeGreaterThan(100);
    expect(problems.slice(0, 80), `${problems.length} problems`).toEqual([]);
  });
});
