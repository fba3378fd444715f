// Final addresses of symbols and of bytes of input sections, once layout is done.
import { SHN_ABS, STT_SECTION } from './elf/constants.ts';
import { pieceAt } from './merge.ts';
import type { Relocation } from './object.ts';
import { relocationTarget } from './targets.ts';
import type { GlobalSymbol, InputFile, InputSection } from './types.ts';

/** Address of byte `offset` of a live input section (through the merge map if it has one). */
export function inputAddress(input: InputSection, offset: number): bigint {
  const out = input.output;
  if (!out) return 0n;
  if (input.pieces) {
    const piece = pieceAt(input.pieces, offset);
    if (!piece) return out.base + BigInt(out.addr + input.outputOffset);
    return out.base + BigInt(out.addr + input.outputOffset + piece.outputOffset + (offset - piece.inputOffset));
  }
  return out.base + BigInt(out.addr + input.outputOffset + offset);
}

export function globalAddress(g: GlobalSymbol): bigint {
  if (g.linkerDefined) {
    const d = g.linkerDefined;
    if (d.output) return d.output.base + BigInt(d.output.addr + d.value);
    return d.absolute ?? BigInt(d.value);
  }
  const def = g.definition;
  if (!def) return g.common?.section ? inputAddress(g.common.section, 0) : 0n;
  if (def.symbol.shndx === SHN_ABS || def.symbol.shndx >= 0xff00) return def.symbol.value;
  const section = def.file.sections[def.symbol.shndx];
  return section ? inputAddress(section, Number(def.symbol.value)) : 0n;
}

/**
 * S in the psABI formulas. For a section symbol in a merge section the addend chooses the
 * piece, so S is computed for value+addend and the addend is taken back out (S + A then lands
 * on the right byte wherever the piece went).
 */
export function symbolValue(file: InputFile, rel: Relocation): bigint {
  const t = relocationTarget(file, rel);
  if (t.global) return globalAddress(t.global);
  const s = t.symbol;
  if (s.shndx === SHN_ABS) return s.value;
  if (!t.section) return 0n;
  if (s.type === STT_SECTION && t.section.pieces) return inputAddress(t.section, Number(s.value + rel.addend)) - rel.addend;
  return inputAddress(t.section, Number(s.value));
}
