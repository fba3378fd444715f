// The ELF object writer and ObjectBuilder: what is written reads back as the same model, and
// linking the model or its written bytes gives the same executable.
import { describe, expect, it } from 'vitest';
import { readElfExecutable } from './elf/executable.ts';
import { writeElfObject } from './elf/object-writer.ts';
import { readElfObject } from './elf/reader.ts';
import { link, linkFiles } from './link.ts';
import type { ObjectFile } from './object.ts';
import { builtKernelObject, KERNEL_MESSAGE } from './test-kernel-object.ts';

function describeObject(o: ObjectFile) {
  const symbolName = (i: number) => {
    const s = o.symbols[i]!;
    return s.type === 3 ? `section:${o.sections[s.shndx]!.name}` : s.name;
  };
  return {
    sections: o.sections.slice(1).filter((s) => s.type === 1 || s.type === 8).map((s) => ({
      name: s.name, type: s.type, flags: s.flags, align: s.addralign, size: s.size, data: Array.from(s.data),
      relocations: s.relocations.map((r) => ({ offset: r.offset, type: r.type, symbol: symbolName(r.symbol), addend: r.addend })),
    })),
    symbols: o.symbols.slice(1).map((s) => ({ ...s, shndxName: o.sections[s.shndx]?.name })).map(({ shndx: _s, ...rest }) => rest),
  };
}

describe('writeElfObject', () => {
  const model = builtKernelObject();
  const bytes = writeElfObject(model);

  it('reads back as the same sections, symbols and relocations', () => {
    const back = readElfObject(bytes, 'built.o');
    expect(describeObject(back)).toEqual(describeObject(model));
  });

  it('links to the same executable as the model itself', () => {
    const fromModel = link([model], { gcSections: true });
    const fromBytes = linkFiles([{ name: 'built.o', bytes }], { gcSections: true });
    expect(fromModel.stderr).toBe('');
    expect(fromBytes.bytes).toEqual(fromModel.bytes);
  });

  it('puts the message where lea and the data pointer point', () => {
    // Without --gc-sections: nothing refers to message_pointer, so collection would drop it.
    const exe = link([model]).bytes!;
    const info = readElfExecutable(exe);
    const rodata = info.sections.find((s) => s.name === '.rodata')!;
    expect(new TextDecoder().decode(exe.subarray(rodata.offset, rodata.offset + rodata.size))).toBe(KERNEL_MESSAGE + '\0');
    const data = info.sections.find((s) => s.name === '.data')!;
    expect(new DataView(exe.buffer, exe.byteOffset + data.offset).getBigUint64(0, true)).toBe(BigInt(rodata.addr));
    const text = info.sections.find((s) => s.name === '.text')!;
    const disp = new DataView(exe.buffer, exe.byteOffset + text.offset + 3).getInt32(0, true);
    expect(text.addr + 7 + disp).toBe(rodata.addr);
  });
});
