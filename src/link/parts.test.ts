// Unit tests of the linker's smaller parts: name demangling for messages, archive reading,
// input validation.
import { describe, expect, it } from 'vitest';
import { readArchive, isArchive } from './archive.ts';
import { demangle } from './demangle.ts';
import { readElfObject } from './elf/reader.ts';
import { linkFiles } from './link.ts';
import { xxh3_64 } from './xxh3.ts';

describe('demangle (as rust-lld prints names)', () => {
  it('joins the parts of a legacy Rust name, hash included', () => {
    expect(demangle('_ZN4core9panicking5panic17h0123456789abcdefE')).toBe('core::panicking::panic::h0123456789abcdef');
  });
  it('reads v0 paths of nested names', () => {
    expect(demangle('_RNvNtNtCsgEmfK2I1SDS_4core9panicking11panic_const24panic_const_add_overflow')).toBe(
      'core::panicking::panic_const::panic_const_add_overflow',
    );
    expect(demangle('_RNvCsfLfy6EI15iL_7___rustc17rust_begin_unwind')).toBe('__rustc::rust_begin_unwind');
  });
  it('reads v0 impls, trait impls, generics and dyn types as LLVM prints them', () => {
    expect(demangle('_RNvMsa_NtCsgEmfK2I1SDS_4core3fmtNtB5_9Formatter12pad_integral')).toBe('<core::fmt::Formatter>::pad_integral');
    expect(demangle('_RNvXs1_NtNtCsgEmfK2I1SDS_4core5panic8locationNtB5_8LocationNtNtB9_3cmp10PartialOrd11partial_cmp')).toBe(
      '<core::panic::location::Location as core::cmp::PartialOrd>::partial_cmp',
    );
    expect(demangle('_RINvNtCsgEmfK2I1SDS_4core9panicking13assert_failedjjEB4_')).toBe('core::panicking::assert_failed::<usize, usize>');
    expect(demangle('_RNvXs_NtCsgEmfK2I1SDS_4core3anyDNtB4_3AnyEL_NtNtB6_3fmt5Debug3fmt')).toBe('<dyn core::any::Any as core::fmt::Debug>::fmt');
  });
  it('gives up on names whose back-references loop, instead of recursing forever', () => {
    for (const name of ['_RNvB_1a', '_RNvNtB0_1a1b', '_RINvB2_1aEB_', '_RNvMs_B0_1a']) expect(demangle(name)).toBe(name);
  });
  it('leaves C names and forms it does not know alone', () => {
    expect(demangle('memcpy')).toBe('memcpy');
    expect(demangle('_ZN3foo')).toBe('_ZN3foo');
  });
});

function arMember(name: string, data: Uint8Array): Uint8Array {
  const header = `${name.padEnd(16)}${'0'.padEnd(12)}${'0'.padEnd(6)}${'0'.padEnd(6)}${'644'.padEnd(8)}${String(data.length).padEnd(10)}\`\n`;
  const out = new Uint8Array(60 + data.length + (data.length & 1));
  out.set(new TextEncoder().encode(header), 0);
  out.set(data, 60);
  if (data.length & 1) out[60 + data.length] = 0x0a;
  return out;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let off = 0;
  for (const p of parts) {
    out.set(p, off);
    off += p.length;
  }
  return out;
}

describe('xxh3_64', () => {
  // Reference values printed by libxxhash 0.8 (XXH3_64bits).
  it.each([
    ['', 0x2d06800538d394c2n],
    ['abc', 0x78af5f94892f3950n],
  ])('hashes %j', (text, want) => {
    expect(xxh3_64(new TextEncoder().encode(text))).toBe(want);
  });
});

describe('archives', () => {
  it('reads members, GNU long names and the symbol index', () => {
    const elf = new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]);
    const longName = 'a-rather-long-member-name.o';
    const names = new TextEncoder().encode(`${longName}/\n`);
    const magic = new TextEncoder().encode('!<arch>\n');
    // The index needs the members' offsets: magic (8) + index member + names member.
    const indexBody = (memberOffsets: number[]) => {
      const strings = new TextEncoder().encode('foo\0bar\0');
      const body = new Uint8Array(4 + 4 * memberOffsets.length + strings.length);
      const view = new DataView(body.buffer);
      view.setUint32(0, memberOffsets.length, false);
      memberOffsets.forEach((o, i) => view.setUint32(4 + 4 * i, o, false));
      body.set(strings, 4 + 4 * memberOffsets.length);
      return body;
    };
    const indexSize = 60 + indexBody([0, 0]).length;
    const namesSize = 60 + names.length + (names.length & 1);
    const first = 8 + indexSize + namesSize;
    const firstMember = arMember('/0', elf);
    const second = first + firstMember.length;
    const bytes = concat([magic, arMember('/', indexBody([first, second])), arMember('//', names), firstMember, arMember('short.o/', elf)]);
    expect(isArchive(bytes)).toBe(true);
    const ar = readArchive(bytes, 'lib.a');
    expect(ar.members.map((m) => m.name)).toEqual([longName, 'short.o']);
    expect(ar.index).toEqual([
      { symbol: 'foo', member: 0 },
      { symbol: 'bar', member: 1 },
    ]);
  });
});

describe('input checks', () => {
  const header = (mutate: (b: Uint8Array) => void) => {
    const b = new Uint8Array(64);
    b.set([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]);
    b[16] = 1; // ET_REL
    b[18] = 62; // EM_X86_64
    mutate(b);
    return b;
  };
  it.each([
    ['not ELF', new TextEncoder().encode('hello, world, this is not an object file at all!!!!!!!!!!!!!!!!!!'), 'x.o: not an ELF file'],
    ['32-bit', header((b) => (b[4] = 1)), 'x.o: not a 64-bit ELF file (ELFCLASS32 is not supported)'],
    ['an executable', header((b) => (b[16] = 2)), 'x.o: not a relocatable object (ET_REL)'],
    ['another machine', header((b) => (b[18] = 3)), 'x.o: is for machine 3, not x86-64 (EM_X86_64)'],
    ['no sections', header(() => {}), 'x.o: no section header table'],
  ])('rejects %s', (_what, bytes, message) => {
    expect(() => readElfObject(bytes, 'x.o')).toThrow(message);
    expect(linkFiles([{ name: 'x.o', bytes }]).stderr).toBe(`rust-lld: error: ${message}\n`);
  });
});
