// Fills the bytes of every loaded output section: input section contents, merged blocks,
// .eh_frame, GOT slots, then applies the relocations of each live input section.
import { globalAddress, symbolValue } from './addresses.ts';
import type { Diagnostics } from './diagnostics.ts';
import { SHF_EXECINSTR, SHT_NOBITS } from './elf/constants.ts';
import type { EhFrameLayout } from './eh-frame.ts';
import type { Relocation } from './object.ts';
import { applyRelocation, type GotLookup } from './relocate.ts';
import type { ScanResult } from './scan.ts';
import type { InputSection, OutputSection } from './types.ts';

export function fillSections(
  sections: readonly OutputSection[],
  scan: ScanResult,
  ehFrame: EhFrameLayout | undefined,
  diag: Diagnostics,
): Map<OutputSection, Uint8Array> {
  const got = sections.find((s) => s.name === '.got' && s.synthetic);
  const slotAddress = (index: number) => (got?.base ?? 0n) + BigInt((got?.addr ?? 0) + index * 8);
  const gotPlt = sections.find((s) => s.name === '.got.plt' && s.synthetic);
  const gotLookup: GotLookup = {
    base: () => (gotPlt ? gotPlt.base + BigInt(gotPlt.addr) : 0n),
    slotAddress(input: InputSection, rel: Relocation): bigint {
      const g = input.file.globals[rel.symbol];
      if (g?.gotIndex !== undefined) return slotAddress(g.gotIndex);
      const local = scan.localGot.get(`${input.file.order}:${rel.symbol}`);
      return slotAddress(local?.index ?? 0);
    },
  };
  const result = new Map<OutputSection, Uint8Array>();
  for (const out of sections) {
    if (out.type === SHT_NOBITS) continue;
    const bytes = new Uint8Array(out.size);
    // Gaps between pieces of code are int3, so a stray jump into padding traps (lld does the same).
    if (out.flags & SHF_EXECINSTR) bytes.fill(0xcc);
    const view = new DataView(bytes.buffer);
    for (const chunk of out.chunks) {
      const c = chunk.content;
      if (c.kind === 'input') {
        if (c.input.section.type === SHT_NOBITS) continue;
        bytes.set(c.input.section.data, chunk.offset);
        for (const rel of c.input.section.relocations) {
          applyRelocation(c.input, rel, { bytes, pos: chunk.offset + rel.offset, address: out.base + BigInt(out.addr + chunk.offset + rel.offset) }, gotLookup, diag);
        }
      } else if (c.kind === 'merge' || c.kind === 'bytes') {
        bytes.set(c.data, chunk.offset);
      } else if (c.kind === 'eh_frame' && ehFrame) {
        bytes.set(ehFrame.data, chunk.offset);
        for (const { record, outputOffset } of ehFrame.placements) {
          for (const rel of record.relocations) {
            const pos = chunk.offset + outputOffset + (rel.offset - record.offset);
            applyRelocation(record.input, rel, { bytes, pos, address: out.base + BigInt(out.addr + pos) }, gotLookup, diag);
          }
        }
      } else if (c.kind === 'eh_frame_hdr' && ehFrame) {
        writeEhFrameHdr(bytes, chunk.offset, out.base + BigInt(out.addr + chunk.offset), ehFrame, sections);
      } else if (c.kind === 'got') {
        c.entries.forEach((g, i) => view.setBigUint64(chunk.offset + i * 8, BigInt.asUintN(64, globalAddress(g)), true));
      }
    }
    result.set(out, bytes);
  }
  // GOT slots of local symbols.
  if (got) {
    const bytes = result.get(got)!;
    const view = new DataView(bytes.buffer);
    for (const { index, file, rel } of scan.localGot.values()) {
      view.setBigUint64(got.chunks[0]!.offset + index * 8, BigInt.asUintN(64, symbolValue(file, { ...rel, addend: 0n })), true);
    }
  }
  return result;
}

/**
 * .eh_frame_hdr: version 1; a pc-relative pointer to .eh_frame; the FDE count; then for each
 * FDE (sorted by function address, one per address) the function's and the FDE's addresses
 * relative to the table, so an unwinder can binary-search it.
 */
function writeEhFrameHdr(bytes: Uint8Array, at: number, hdrAddr: bigint, ehFrame: EhFrameLayout, sections: readonly OutputSection[]): void {
  const eh = sections.find((s) => s.name === '.eh_frame' && s.synthetic);
  if (!eh) return;
  const ehAddr = eh.base + BigInt(eh.addr + (eh.chunks[0]?.offset ?? 0));
  const u32 = (v: bigint) => Number(BigInt.asUintN(32, v));
  const entries: { pc: number; fde: number }[] = [];
  for (const { record, outputOffset } of ehFrame.placements) {
    if (record.isCie) continue;
    const first = record.relocations[0]!;
    const pc = symbolValue(record.input.file, first) + first.addend;
    entries.push({ pc: u32(pc - hdrAddr), fde: u32(ehAddr + BigInt(outputOffset) - hdrAddr) });
  }
  entries.sort((a, b) => a.pc - b.pc);
  const unique = entries.filter((e, i) => i === 0 || e.pc !== entries[i - 1]!.pc);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // DW_EH_PE_pcrel|sdata4 for the .eh_frame pointer, udata4 for the count, datarel|sdata4 for the table.
  bytes.set([1, 0x1b, 0x03, 0x3b], at);
  view.setUint32(at + 4, u32(ehAddr - (hdrAddr + 4n)), true);
  view.setUint32(at + 8, unique.length, true);
  unique.forEach((e, i) => {
    view.setUint32(at + 12 + 8 * i, e.pc, true);
    view.setUint32(at + 16 + 8 * i, e.fde, true);
  });
}
