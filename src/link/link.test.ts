// Unit tests of the linker on hand-built objects; every expected address and byte below was
// computed by hand from the layout rules in README.md (headers at 0x200000, each new segment
// at the next page plus the current offset within the page) and the psABI formulas.
import { describe, expect, it } from 'vitest';
import { PF_R, PF_W, PF_X, PT_GNU_RELRO, PT_GNU_STACK, PT_LOAD, PT_PHDR, R_X86_64, SHF_ALLOC, SHF_MERGE, SHF_STRINGS, SHN_ABS, STB_LOCAL, STB_WEAK, STT_FILE, STT_OBJECT, STT_TLS, SHF_TLS, SHF_WRITE } from './elf/constants.ts';
import { readElfExecutable } from './elf/executable.ts';
import { link } from './link.ts';
import { xxh3_64 } from './xxh3.ts';
import { addRelocation, makeObject } from './test-objects.ts';

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(' ');

function section(bytes: Uint8Array, name: string): { addr: number; data: Uint8Array } {
  const exe = readElfExecutable(bytes);
  const s = exe.sections.find((x) => x.name === name);
  if (!s) throw new Error(`no ${name}`);
  return { addr: s.addr, data: bytes.subarray(s.offset, s.offset + s.size) };
}

function symbolAddress(bytes: Uint8Array, name: string): number {
  const s = readElfExecutable(bytes).symbols.find((x) => x.name === name);
  if (!s) throw new Error(`no symbol ${name}`);
  return Number(s.value);
}

describe('a call from one object to another (R_X86_64_PLT32)', () => {
  const a = makeObject('a.o', [{ name: '.text', bytes: [0xe8, 0, 0, 0, 0, 0xc3], align: 16 }], [{ name: '_start', section: '.text', size: 6 }]);
  addRelocation(a, '.text', 1, R_X86_64.PLT32, 'b', -4);
  const b = makeObject('b.o', [{ name: '.text', bytes: [0xc3], align: 16 }], [{ name: 'b', section: '.text', size: 1 }]);
  const result = link([a, b]);

  it('links', () => {
    expect(result.stderr).toBe('');
    expect(result.ok).toBe(true);
  });
  it('puts the headers alone in a read-only segment and .text in the next page at the same page offset', () => {
    const exe = readElfExecutable(result.bytes!);
    // PHDR, LOAD (headers), LOAD (RX), GNU_STACK: 64 + 4*56 = 0x120 bytes of headers.
    expect(exe.programHeaders.map(({ vaddrExact: _v, ...h }) => h)).toEqual([
      { type: PT_PHDR, flags: PF_R, offset: 0x40, vaddr: 0x200040, filesz: 0xe0, memsz: 0xe0, align: 8 },
      { type: PT_LOAD, flags: PF_R, offset: 0, vaddr: 0x200000, filesz: 0x120, memsz: 0x120, align: 0x1000 },
      { type: PT_LOAD, flags: PF_R | PF_X, offset: 0x120, vaddr: 0x201120, filesz: 0x11, memsz: 0x11, align: 0x1000 },
      { type: PT_GNU_STACK, flags: PF_R | PF_W, offset: 0, vaddr: 0, filesz: 0, memsz: 0, align: 0 },
    ]);
    expect(exe.entry).toBe(0x201120n);
  });
  it('computes S + A - P: 0x201130 - 4 - 0x201121 = 0xb, and pads code with int3', () => {
    const text = section(result.bytes!, '.text');
    expect(text.addr).toBe(0x201120);
    expect(hex(text.data)).toBe('e8 0b 00 00 00 c3 cc cc cc cc cc cc cc cc cc cc c3');
    expect(symbolAddress(result.bytes!, 'b')).toBe(0x201130);
  });
  it('is deterministic', () => {
    expect(link([a, b]).bytes).toEqual(result.bytes);
  });
});

describe('absolute relocations (R_X86_64_64, 32, 32S) into a data segment', () => {
  const a = makeObject(
    'a.o',
    [
      { name: '.text', bytes: new Array(8).fill(0), align: 4 },
      { name: '.data', bytes: new Array(16).fill(0), align: 8 },
    ],
    [
      { name: '_start', section: '.text', size: 8 },
      { name: 'var', section: '.data', size: 8, type: STT_OBJECT },
    ],
  );
  addRelocation(a, '.text', 0, R_X86_64._32S, 'var', 8);
  addRelocation(a, '.text', 4, R_X86_64._32, 'var', 0);
  addRelocation(a, '.data', 8, R_X86_64._64, 'var', 3);
  const result = link([a]);

  it('places .text at 0x201158 and .data at 0x202160 (headers: 64 + 5*56 = 0x158)', () => {
    expect(result.ok).toBe(true);
    const exe = readElfExecutable(result.bytes!);
    const loads = exe.programHeaders.filter((p) => p.type === PT_LOAD);
    expect(loads.map((p) => [p.vaddr, p.offset, p.flags])).toEqual([
      [0x200000, 0, PF_R],
      [0x201158, 0x158, PF_R | PF_X],
      [0x202160, 0x160, PF_R | PF_W],
    ]);
    expect(symbolAddress(result.bytes!, 'var')).toBe(0x202160);
  });
  it('writes S + A', () => {
    expect(hex(section(result.bytes!, '.text').data)).toBe('68 21 20 00 60 21 20 00');
    expect(hex(section(result.bytes!, '.data').data.subarray(8))).toBe('63 21 20 00 00 00 00 00');
  });
  it('reports a value that does not fit, in rust-lld words', () => {
    const big = makeObject('big.o', [{ name: '.text', bytes: [0, 0, 0, 0] }], [{ name: '_start', section: '.text' }, { name: 'far', shndx: SHN_ABS, value: 0x1_0000_0000 }]);
    addRelocation(big, '.text', 0, R_X86_64._32, 'far', 0);
    const r = link([big]);
    expect(r.ok).toBe(false);
    expect(r.stderr).toBe(
      "rust-lld: error: big.o:(.text+0x0): relocation R_X86_64_32 out of range: 4294967296 is not in [0, 4294967295]; references 'far'\n>>> defined in big.o\n",
    );
  });
});

describe('GOT loads', () => {
  // Offsets: mov 0, call 7, jmp 13, test 19, add r8 26, mov (GOTPCREL) 33, f at 40.
  const code = [
    0x48, 0x8b, 0x05, 0, 0, 0, 0,
    0xff, 0x15, 0, 0, 0, 0,
    0xff, 0x25, 0, 0, 0, 0,
    0x48, 0x85, 0x05, 0, 0, 0, 0,
    0x4c, 0x03, 0x05, 0, 0, 0, 0,
    0x48, 0x8b, 0x05, 0, 0, 0, 0,
    0xc3,
  ];
  const a = makeObject(
    'a.o',
    [
      { name: '.text', bytes: code, align: 16 },
      { name: '.data', bytes: new Array(16).fill(0), align: 8 },
    ],
    [
      { name: '_start', section: '.text', size: 40 },
      { name: 'f', section: '.text', value: 40, size: 1 },
      { name: 'x', section: '.data', value: 0, size: 8, type: STT_OBJECT },
      { name: 'y', section: '.data', value: 8, size: 8, type: STT_OBJECT },
    ],
  );
  addRelocation(a, '.text', 3, R_X86_64.REX_GOTPCRELX, 'x', -4);
  addRelocation(a, '.text', 9, R_X86_64.GOTPCRELX, 'f', -4);
  addRelocation(a, '.text', 15, R_X86_64.GOTPCRELX, 'f', -4);
  addRelocation(a, '.text', 22, R_X86_64.REX_GOTPCRELX, 'x', -4);
  addRelocation(a, '.text', 29, R_X86_64.REX_GOTPCRELX, 'x', -4);
  addRelocation(a, '.text', 36, R_X86_64.GOTPCREL, 'y', -4);
  const result = link([a]);

  it('lays out .got in a RELRO segment padded to the page, then .data', () => {
    expect(result.stderr).toBe('');
    const exe = readElfExecutable(result.bytes!);
    expect(exe.sections.filter((s) => s.flags & SHF_ALLOC).map((s) => [s.name, s.addr, s.size])).toEqual([
      ['.text', 0x2011d0, 41],
      ['.got', 0x202200, 8],
      ['.relro_padding', 0x202208, 0xdf8],
      ['.data', 0x203208, 16],
    ]);
    const relro = exe.programHeaders.find((p) => p.type === PT_GNU_RELRO)!;
    expect([relro.vaddr, relro.filesz, relro.memsz]).toEqual([0x202200, 8, 0xe00]);
  });
  it('relaxes what it can and uses a GOT slot for plain GOTPCREL', () => {
    const text = section(result.bytes!, '.text').data;
    expect(hex(text.subarray(0, 7))).toBe('48 8d 05 31 20 00 00'); // lea rax, [rip+0x2031] = x
    expect(hex(text.subarray(7, 13))).toBe('67 e8 1b 00 00 00'); // addr32 call f
    expect(hex(text.subarray(13, 19))).toBe('e9 16 00 00 00 90'); // jmp f; nop
    expect(hex(text.subarray(19, 26))).toBe('48 f7 c0 08 32 20 00'); // test rax, 0x203208
    expect(hex(text.subarray(26, 33))).toBe('49 81 c0 08 32 20 00'); // add r8, 0x203208
    expect(hex(text.subarray(33, 40))).toBe('48 8b 05 08 10 00 00'); // mov rax, [rip+0x1008] = GOT slot
    expect(hex(section(result.bytes!, '.got').data)).toBe('10 32 20 00 00 00 00 00'); // &y
  });
});

describe('rust-lld messages', () => {
  const fileSymbol = (name: string) => ({ name, binding: STB_LOCAL, type: STT_FILE, shndx: SHN_ABS });

  it('undefined symbol: lists three references, then a count', () => {
    const a = makeObject('main.o', [{ name: '.text', bytes: new Array(20).fill(0) }], [fileSymbol('main.rs'), { name: '_start', section: '.text', size: 20 }]);
    for (const off of [1, 6, 11, 16]) addRelocation(a, '.text', off, R_X86_64.PLT32, 'memset', -4);
    const r = link([a]);
    expect(r.ok).toBe(false);
    const ref = '>>> referenced by main.rs\n>>>               main.o:(_start)\n';
    expect(r.stderr).toBe(`rust-lld: error: undefined symbol: memset\n${ref}${ref}${ref}>>> referenced 1 more times\n`);
  });
  it('undefined symbol: suggests a defined name one edit away', () => {
    const a = makeObject('a.o', [{ name: '.text', bytes: [0, 0, 0, 0, 0] }], [{ name: '_start', section: '.text', size: 5 }]);
    addRelocation(a, '.text', 1, R_X86_64.PLT32, 'kmain', -4);
    const b = makeObject('b.o', [{ name: '.text', bytes: [0xc3] }], [{ name: 'kmian', section: '.text', size: 1 }]);
    const r = link([a, b]);
    expect(r.stderr).toBe('rust-lld: error: undefined symbol: kmain\n>>> referenced by a.o:(_start)\n>>> did you mean: kmian\n>>> defined in: b.o\n');
  });
  it('duplicate symbol: the second place is named by section and offset', () => {
    const make = (file: string, src: string) =>
      makeObject(file, [{ name: '.text', bytes: [0x90, 0xc3] }], [fileSymbol(src), { name: '_start', section: '.text', size: 1 }, { name: 'f', section: '.text', value: 1, size: 1 }]);
    const r = link([make('a.o', 'a.c'), make('b.o', 'b.c')]);
    expect(r.stderr).toBe(
      'rust-lld: error: duplicate symbol: _start\n>>> defined at a.c\n>>>            a.o:(_start)\n>>> defined at b.c\n>>>            b.o:(.text+0x0)\n\n' +
        'rust-lld: error: duplicate symbol: f\n>>> defined at a.c\n>>>            a.o:(f)\n>>> defined at b.c\n>>>            b.o:(.text+0x1)\n',
    );
  });
  it('refuses a string section whose last string has no terminator, as rust-lld does', () => {
    const a = makeObject('a.o', [{ name: '.text', bytes: [0xc3] }, { name: '.rodata.str1.1', bytes: [0x61, 0x62], flags: SHF_ALLOC | SHF_MERGE | SHF_STRINGS, entsize: 1 }], [{ name: '_start', section: '.text' }]);
    expect(link([a]).stderr).toBe('rust-lld: error: a.o:(.rodata.str1.1): string is not null terminated\n');
  });
  it('warns when the entry symbol is missing', () => {
    const r = link([makeObject('a.o', [{ name: '.text', bytes: [0xc3] }], [{ name: 'main', section: '.text' }])]);
    expect(r.ok).toBe(true);
    expect(r.stderr).toBe('rust-lld: warning: cannot find entry symbol _start; not setting start address\n');
    expect(readElfExecutable(r.bytes!).entry).toBe(0n);
  });
  it('rejects thread-local storage with a clear message', () => {
    const a = makeObject('a.o', [{ name: '.text', bytes: [0xc3] }, { name: '.tdata', bytes: [1, 2, 3, 4], flags: SHF_ALLOC | SHF_WRITE | SHF_TLS }], [{ name: '_start', section: '.text' }, { name: 't', section: '.tdata', type: STT_TLS }]);
    const r = link([a]);
    expect(r.ok).toBe(false);
    expect(r.stderr).toContain('thread-local storage section .tdata is not supported');
  });
  it('rejects an unsupported relocation type by name', () => {
    const a = makeObject('a.o', [{ name: '.text', bytes: [0, 0, 0, 0, 0, 0, 0, 0] }], [{ name: '_start', section: '.text' }, { name: 'g', section: '.text' }]);
    addRelocation(a, '.text', 0, R_X86_64.DTPOFF64, 'g', 0);
    expect(link([a]).stderr).toBe('rust-lld: error: a.o:(.text+0x0): unsupported relocation type R_X86_64_DTPOFF64 against symbol g\n');
  });
});

describe('symbol resolution', () => {
  it('a strong definition beats a weak one; an undefined weak symbol is 0', () => {
    const a = makeObject('a.o', [{ name: '.text', bytes: new Array(16).fill(0) }, { name: '.data', bytes: [1, 0, 0, 0] }], [
      { name: '_start', section: '.text', size: 16 },
      { name: 'w', section: '.data', binding: STB_WEAK, type: STT_OBJECT, size: 4 },
      { name: 'u', binding: STB_WEAK },
    ]);
    addRelocation(a, '.text', 0, R_X86_64._64, 'w', 0);
    addRelocation(a, '.text', 8, R_X86_64._64, 'u', 0);
    const b = makeObject('b.o', [{ name: '.data', bytes: [2, 0, 0, 0], align: 4 }], [{ name: 'w', section: '.data', type: STT_OBJECT, size: 4 }]);
    const r = link([a, b]);
    expect(r.ok).toBe(true);
    const text = section(r.bytes!, '.text').data;
    const data = section(r.bytes!, '.data');
    // b.o's .data follows a.o's (4 bytes, alignment 4).
    expect(new DataView(text.buffer, text.byteOffset).getBigUint64(0, true)).toBe(BigInt(data.addr + 4));
    expect(new DataView(text.buffer, text.byteOffset).getBigUint64(8, true)).toBe(0n);
    const u = readElfExecutable(r.bytes!).symbols.find((s) => s.name === 'u')!;
    expect([u.binding, u.shndx]).toEqual([STB_WEAK, 0]);
  });
});

describe('--gc-sections', () => {
  const make = () => {
    const a = makeObject('a.o', [
      { name: '.text._start', bytes: [0xe8, 0, 0, 0, 0], flags: SHF_ALLOC | 4 },
      { name: '.text.used', bytes: [0xc3], flags: SHF_ALLOC | 4 },
      { name: '.text.unused', bytes: [0xc3, 0xc3], flags: SHF_ALLOC | 4 },
    ], [
      { name: '_start', section: '.text._start', size: 5 },
      { name: 'used', section: '.text.used', size: 1 },
      { name: 'unused', section: '.text.unused', size: 2 },
    ]);
    addRelocation(a, '.text._start', 1, R_X86_64.PLT32, 'used', -4);
    return a;
  };
  it('drops what the entry does not reach', () => {
    const r = link([make()], { gcSections: true });
    expect(section(r.bytes!, '.text').data.length).toBe(6);
    expect(readElfExecutable(r.bytes!).symbols.map((s) => s.name)).toEqual(['_start', 'used']);
  });
  it('keeps everything without it', () => {
    const r = link([make()]);
    expect(section(r.bytes!, '.text').data.length).toBe(8);
    expect(readElfExecutable(r.bytes!).symbols.map((s) => s.name)).toEqual(['_start', 'used', 'unused']);
  });
});

describe('merge sections', () => {
  it('stores a string once, in rust-lld\'s shard order, and points every reference at it', () => {
    const flags = SHF_ALLOC | SHF_MERGE | SHF_STRINGS;
    const a = makeObject('a.o', [
      { name: '.text', bytes: [0xc3] },
      { name: '.rodata.str1.1', bytes: [...Buffer.from('hi\0yo\0')], flags, entsize: 1 },
      { name: '.data', bytes: new Array(8).fill(0), align: 8 },
    ], [{ name: '_start', section: '.text' }]);
    addRelocation(a, '.data', 0, R_X86_64._64, '.rodata.str1.1', 3);
    const b = makeObject('b.o', [
      { name: '.rodata.str1.1', bytes: [...Buffer.from('yo\0')], flags, entsize: 1 },
      { name: '.data', bytes: new Array(8).fill(0), align: 8 },
    ], []);
    addRelocation(b, '.data', 0, R_X86_64._64, '.rodata.str1.1', 0);
    const r = link([a, b]);
    const rodata = section(r.bytes!, '.rodata');
    // Shards by the top bits of XXH3's low word: "yo" lands in shard 24, "hi" in shard 26.
    const shard = (s: string) => Number((xxh3_64(Buffer.from(s)) & 0xffffffffn) >> 27n);
    expect([shard('yo'), shard('hi')]).toEqual([24, 26]);
    expect(Buffer.from(rodata.data).toString('latin1')).toBe('yo\0hi\0');
    const data = section(r.bytes!, '.data').data;
    const view = new DataView(data.buffer, data.byteOffset);
    expect(view.getBigUint64(0, true)).toBe(BigInt(rodata.addr));
    expect(view.getBigUint64(8, true)).toBe(BigInt(rodata.addr));
  });
});
