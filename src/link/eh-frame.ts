// .eh_frame: call-frame records (CIEs and FDEs). An FDE describes one function; it is kept
// only when the function's section is live. CIEs are emitted once each (identical CIEs with the
// same personality are shared), each followed by its FDEs, in input order. This is how rust-lld shrinks .eh_frame after garbage collection.
import { ByteReader } from './elf/bytes.ts';
import type { Diagnostics } from './diagnostics.ts';
import type { Relocation } from './object.ts';
import type { InputSection } from './types.ts';
import { relocationTarget } from './targets.ts';

export interface EhRecord {
  input: InputSection;
  offset: number;
  size: number;
  isCie: boolean;
  /** FDE: offset of its CIE inside the same input section. */
  cieOffset: number;
  relocations: Relocation[];
}

export function splitEhFrame(input: InputSection, diag: Diagnostics): EhRecord[] {
  const data = input.section.data;
  const r = new ByteReader(data);
  const relocs = [...input.section.relocations].sort((a, b) => a.offset - b.offset);
  const records: EhRecord[] = [];
  let off = 0;
  let k = 0;
  while (off + 4 <= data.length) {
    const length = r.u32(off);
    if (length === 0) break;
    if (length === 0xffffffff || off + 4 + length > data.length || length < 4) {
      diag.error(`${input.file.object.name}:(.eh_frame+0x${off.toString(16)}): unsupported or corrupt .eh_frame record`);
      break;
    }
    const size = length + 4;
    const id = r.u32(off + 4);
    const mine: Relocation[] = [];
    while (k < relocs.length && relocs[k]!.offset < off + size) {
      if (relocs[k]!.offset >= off) mine.push(relocs[k]!);
      k++;
    }
    records.push({ input, offset: off, size, isCie: id === 0, cieOffset: off + 4 - id, relocations: mine });
    off += size;
  }
  return records;
}

/** An FDE is live when the section its first relocation (the function start) points to is. */
export function fdeIsLive(fde: EhRecord): boolean {
  const first = fde.relocations[0];
  if (!first) return false;
  const target = relocationTarget(fde.input.file, first);
  return target.section !== undefined && target.section.live;
}

export interface EhFrameLayout {
  data: Uint8Array;
  /** For each kept record: where its bytes went. */
  placements: { record: EhRecord; outputOffset: number }[];
}

export function buildEhFrame(inputs: readonly InputSection[], records: Map<InputSection, EhRecord[]>): EhFrameLayout {
  interface CieGroup { cie: EhRecord; fdes: EhRecord[] }
  const groups: CieGroup[] = [];
  const byKey = new Map<string, CieGroup>();
  for (const input of inputs) {
    const list = records.get(input) ?? [];
    // Every CIE of every input is emitted once, even one whose FDEs all died (rust-lld does
    // the same); each FDE goes after the first copy of its CIE.
    const groupAt = new Map<number, CieGroup>();
    for (const cie of list) {
      if (!cie.isCie) continue;
      const key = cieKey(cie);
      let group = byKey.get(key);
      if (!group) {
        group = { cie, fdes: [] };
        byKey.set(key, group);
        groups.push(group);
      }
      groupAt.set(cie.offset, group);
    }
    for (const fde of list) {
      if (fde.isCie || !fdeIsLive(fde)) continue;
      groupAt.get(fde.cieOffset)?.fdes.push(fde);
    }
  }
  const placements: { record: EhRecord; outputOffset: number }[] = [];
  let size = 0;
  for (const g of groups) {
    placements.push({ record: g.cie, outputOffset: size });
    size += g.cie.size;
    for (const fde of g.fdes) {
      placements.push({ record: fde, outputOffset: size });
      size += fde.size;
    }
  }
  // A zero length word ends the table, as in rust-lld's output.
  if (size > 0) size += 4;
  const data = new Uint8Array(size);
  const view = new DataView(data.buffer);
  let cieOut = 0;
  for (const p of placements) {
    const rec = p.record;
    data.set(rec.input.section.data.subarray(rec.offset, rec.offset + rec.size), p.outputOffset);
    if (rec.isCie) cieOut = p.outputOffset;
    // The CIE pointer is the distance back from this field to the CIE.
    else view.setUint32(p.outputOffset + 4, p.outputOffset + 4 - cieOut, true);
  }
  return { data, placements };
}

function cieKey(cie: EhRecord): string {
  const bytes = cie.input.section.data.subarray(cie.offset, cie.offset + cie.size);
  const personality = cie.relocations
    .map((rel) => {
      const t = relocationTarget(cie.input.file, rel);
      return `${rel.offset - cie.offset}:${t.global?.name ?? `${t.section?.file.order}#${t.section?.index}`}+${rel.addend}`;
    })
    .join(',');
  return `${Array.from(bytes).join(',')}|${personality}`;
}
