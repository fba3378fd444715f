// .note.gnu.property: x86 objects say there which CET features their code supports (IBT,
// SHSTK). A linker ANDs the GNU_PROPERTY_X86_FEATURE_1_AND bits of all inputs (an input without
// the note has none) and, when some bit survives, writes one note of its own with PT_NOTE and
// PT_GNU_PROPERTY, as rust-lld does; the inputs' notes are never copied.
import { SHT_NOTE } from './elf/constants.ts';
import type { ObjectFile } from './object.ts';

const NT_GNU_PROPERTY_TYPE_0 = 5;
const GNU_PROPERTY_X86_FEATURE_1_AND = 0xc0000002;

const align8 = (n: number) => (n + 7) & ~7;

export function x86FeatureBits(object: ObjectFile): number {
  const note = object.sections.find((s) => s.type === SHT_NOTE && s.name === '.note.gnu.property');
  if (!note) return 0;
  const d = note.data;
  const view = new DataView(d.buffer, d.byteOffset, d.byteLength);
  let features = 0;
  let off = 0;
  while (off + 12 <= d.length) {
    const namesz = view.getUint32(off, true);
    const descsz = view.getUint32(off + 4, true);
    const type = view.getUint32(off + 8, true);
    const name = new TextDecoder().decode(d.subarray(off + 12, off + 12 + namesz));
    let desc = off + 12 + ((namesz + 3) & ~3);
    const end = desc + descsz;
    if (end > d.length) break;
    if (type === NT_GNU_PROPERTY_TYPE_0 && name === 'GNU\0') {
      while (desc + 8 <= end) {
        const prType = view.getUint32(desc, true);
        const prSize = view.getUint32(desc + 4, true);
        if (prType === GNU_PROPERTY_X86_FEATURE_1_AND && prSize >= 4) features |= view.getUint32(desc + 8, true);
        desc += 8 + align8(prSize);
      }
    }
    off = align8(end);
  }
  return features;
}

/** The output note for the ANDed feature bits. */
export function gnuPropertyNote(features: number): Uint8Array {
  const out = new Uint8Array(32);
  const view = new DataView(out.buffer);
  view.setUint32(0, 4, true); // namesz
  view.setUint32(4, 16, true); // descsz
  view.setUint32(8, NT_GNU_PROPERTY_TYPE_0, true);
  out.set([0x47, 0x4e, 0x55, 0], 12); // "GNU"
  view.setUint32(16, GNU_PROPERTY_X86_FEATURE_1_AND, true);
  view.setUint32(20, 4, true);
  view.setUint32(24, features >>> 0, true);
  return out;
}
