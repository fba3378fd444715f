// Differential tests of Bootlab's linker against rust-lld (the linker the post's target uses,
// shipped with the host's rustc): the same objects from gcc, nasm and the host's stable rustc
// are linked by both with `-static -nostdlib -e _start [--gc-sections]`, and the executables
// must agree on the entry point, the program headers, the address of every global symbol and
// the bytes of every loaded segment. Also: the relocations our ELF reader sees against
// readelf -r, and the error messages against rust-lld's stderr.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PT_LOAD, relocationName, STB_LOCAL, SHN_UNDEF } from './elf/constants.ts';
import { readElfExecutable } from './elf/executable.ts';
import { readElfObject } from './elf/reader.ts';
import { linkFiles } from './link.ts';
import { xxh3_64 } from './xxh3.ts';
import { writeElfObject } from './elf/object-writer.ts';
import { builtKernelObject } from './test-kernel-object.ts';

const testdata = join(import.meta.dirname, 'testdata');
const work = mkdtempSync(join(tmpdir(), 'bootlab-link-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const sysroot = execFileSync('rustc', ['--print', 'sysroot'], { encoding: 'utf8' }).trim();
const hostLib = join(sysroot, 'lib/rustlib/x86_64-unknown-linux-gnu/lib');
const rustLld = join(sysroot, 'lib/rustlib/x86_64-unknown-linux-gnu/bin/rust-lld');
const libcore = join(hostLib, readdirSync(hostLib).find((f) => /^libcore-.*\.rlib$/.test(f))!);
const libbuiltins = join(hostLib, readdirSync(hostLib).find((f) => /^libcompiler_builtins-.*\.rlib$/.test(f))!);

const out = (name: string) => join(work, name);

function gcc(source: string, name: string, flags: string[]): string {
  execFileSync('gcc', ['-c', '-ffreestanding', '-mno-red-zone', ...flags, join(testdata, source), '-o', out(name)]);
  return out(name);
}

function nasm(source: string, name: string): string {
  execFileSync('nasm', ['-f', 'elf64', join(testdata, source), '-o', out(name)]);
  return out(name);
}

/** The recipe for a no_std kernel object from the host's stable rustc (SSE off, like the post's target). */
function rustc(source: string, name: string, optLevel: string, relocationModel: 'static' | 'pic' = 'static'): string {
  execFileSync('rustc', [
    '--edition', '2021', '--emit=obj', '--crate-type=lib', '-C', 'panic=abort', '-C', `relocation-model=${relocationModel}`,
    '-C', 'target-feature=-sse,-sse2,-mmx,+soft-float', '-C', `opt-level=${optLevel}`, join(testdata, source), '-o', out(name),
  ], { stdio: ['ignore', 'ignore', 'ignore'] });
  return out(name);
}

interface Both {
  lld: { status: number; stderr: string; bytes?: Uint8Array };
  ours: { status: number; stderr: string; bytes?: Uint8Array };
}

function linkBoth(name: string, inputs: string[], gc: boolean, rustcFlags = false): Both {
  // rustcFlags: what rustc adds for a Linux target (--eh-frame-hdr, -z now).
  const extra = rustcFlags ? ['--eh-frame-hdr', '-z', 'now'] : [];
  // --threads=1: rust-lld scans the relocations of different files in parallel, so with several
  // threads the order of its undefined-symbol messages follows thread scheduling; ours is its
  // single-threaded order. (The executables do not depend on it.)
  const args = ['-flavor', 'gnu', '--threads=1', '-static', '-nostdlib', '-e', '_start', ...(gc ? ['--gc-sections'] : []), ...extra, ...inputs, '-o', out(name + '.lld')];
  const lld = spawnSync(rustLld, args, { encoding: 'utf8' });
  const options = { gcSections: gc, ...(rustcFlags && { ehFrameHdr: true, now: true }) };
  const ours = linkFiles(inputs.map((path) => ({ name: path, bytes: new Uint8Array(readFileSync(path)) })), options);
  return {
    lld: { status: lld.status ?? -1, stderr: lld.stderr, ...(lld.status === 0 && { bytes: new Uint8Array(readFileSync(out(name + '.lld'))) }) },
    ours: { status: ours.ok ? 0 : 1, stderr: ours.stderr, ...(ours.bytes && { bytes: ours.bytes }) },
  };
}

function globals(bytes: Uint8Array): Map<string, bigint> {
  const exe = readElfExecutable(bytes);
  return new Map(exe.symbols.filter((s) => s.binding !== STB_LOCAL && s.shndx !== SHN_UNDEF).map((s) => [s.name, s.value]));
}

/** Loaded bytes of each PT_LOAD; the ELF header's section-table fields (not loaded meaning) are masked. */
function segments(bytes: Uint8Array): { vaddr: number; bytes: Uint8Array }[] {
  return readElfExecutable(bytes).programHeaders.filter((p) => p.type === PT_LOAD).map((p) => {
    const data = bytes.slice(p.offset, p.offset + p.filesz);
    if (p.offset === 0) data.fill(0, 0x28, 0x30).fill(0, 0x3c, 0x40); // e_shoff, e_shnum, e_shstrndx
    return { vaddr: p.vaddr, bytes: data };
  });
}

function expectSameExecutable(both: Both): void {
  expect(both.ours.stderr).toBe(both.lld.stderr);
  expect(both.lld.status).toBe(0);
  expect(both.ours.status).toBe(0);
  const lld = readElfExecutable(both.lld.bytes!);
  const ours = readElfExecutable(both.ours.bytes!);
  expect(ours.entry).toBe(lld.entry);
  expect(ours.programHeaders).toEqual(lld.programHeaders);
  expect(globals(both.ours.bytes!)).toEqual(globals(both.lld.bytes!));
  // The whole symbol table, in order: locals per file, then globals.
  expect(ours.symbols).toEqual(lld.symbols);
  // Loaded sections: same names, types, flags, addresses, offsets, sizes, alignments, entry sizes.
  const loaded = (info: typeof lld) => info.sections.filter((s) => s.flags & 2).map(({ link: _l, info: _i, ...s }) => s);
  expect(loaded(ours)).toEqual(loaded(lld));
  const a = segments(both.lld.bytes!);
  const b = segments(both.ours.bytes!);
  expect(b.length).toBe(a.length);
  for (let i = 0; i < a.length; i++) {
    expect(b[i]!.vaddr).toBe(a[i]!.vaddr);
    // Compare as hex text so a difference shows where it is.
    expect(Buffer.from(b[i]!.bytes).toString('hex')).toBe(Buffer.from(a[i]!.bytes).toString('hex'));
  }
}

/** The hand-assembled kernel of test-kernel-object.ts, written by our ELF object writer. */
function builtObject(): string {
  writeFileSync(out('built.o'), writeElfObject(builtKernelObject()));
  return out('built.o');
}

interface Case {
  name: string;
  build: () => string[];
}

const cases: Case[] = [
  { name: 'gcc -O1, function and data sections', build: () => [gcc('kernel.c', 'k1.o', ['-O1', '-fno-pic', '-fno-asynchronous-unwind-tables', '-ffunction-sections', '-fdata-sections'])] },
  { name: 'gcc -O2 -mcmodel=kernel with .eh_frame', build: () => [gcc('kernel.c', 'k2.o', ['-O2', '-fno-pic', '-mcmodel=kernel'])] },
  { name: 'gcc -O0', build: () => [gcc('kernel.c', 'k0.o', ['-O0', '-fno-pic'])] },
  { name: 'gcc -fPIC (GOT loads, .data.rel.ro)', build: () => [gcc('pic.c', 'p.o', ['-O1', '-fPIC', '-fno-asynchronous-unwind-tables'])] },
  { name: 'gcc -fPIC -O0 with .eh_frame', build: () => [gcc('pic.c', 'p0.o', ['-O0', '-fPIC'])] },
  { name: 'gcc -mcmodel=large -fPIC (GOT64, GOTOFF64, GOTPC64, PLTOFF64)', build: () => [gcc('kernel.c', 'large.o', ['-O2', '-mcmodel=large', '-fPIC'])] },
  { name: 'gcc -mcmodel=large -fPIC -O0, sections and linker-defined symbols', build: () => [gcc('sections.c', 'large2.o', ['-O0', '-mcmodel=large', '-fPIC'])] },
  { name: 'gcc -fcf-protection=full (one .note.gnu.property, PT_GNU_PROPERTY)', build: () => [gcc('kernel.c', 'cf.o', ['-O2', '-fno-pic', '-fcf-protection=full'])] },
  {
    name: 'gcc objects with and without CET notes, empty .data and .bss',
    build: () => [gcc('missing.c', 'nocf.o', ['-O2', '-fno-pic']), gcc('provides.c', 'cf3.o', ['-O2', '-fno-pic', '-fcf-protection=full', '-Dkernel_mian=kernel_main'])],
  },
  { name: 'gcc: page-aligned tables, own-named sections, .init_array, linker-defined symbols', build: () => [gcc('sections.c', 's1.o', ['-O1', '-fno-pic'])] },
  { name: 'the same with -fPIC -O2 (GOT loads of linker-defined symbols)', build: () => [gcc('sections.c', 's2.o', ['-O2', '-fPIC'])] },
  { name: 'nasm, two objects', build: () => [nasm('kernel.asm', 'asm.o'), gcc('pic.c', 'p2.o', ['-O1', '-fno-pic', '-fno-asynchronous-unwind-tables', '-ffunction-sections', '-Dshared_counter=other_counter', '-D_start=pic_start'])] },
  { name: 'GNU as: RWX section, .init_array/.ctors priorities, 2 MiB alignment', build: () => [gcc('layout-edges.s', 'edges.o', [])] },
  { name: '__start_/__stop_ of a retained C-named section', build: () => [gcc('start-stop.c', 'ss1.o', ['-O1', '-fno-pic', '-DKEEP'])] },
  { name: '__start_/__stop_ of a C-named section collection drops (an error under --gc-sections)', build: () => [gcc('start-stop.c', 'ss2.o', ['-O1', '-fno-pic'])] },
  { name: 'an object written by Bootlab (ObjectBuilder, writeElfObject)', build: () => [builtObject()] },
  { name: "the post's main.rs, rustc -O3", build: () => [rustc('post-main.rs', 'post3.o', '3')] },
  { name: "the post's main.rs, rustc -O3, relocation-model=pic", build: () => [rustc('post-main.rs', 'post3pic.o', '3', 'pic')] },
  {
    name: "the post's main.rs, rustc -O0, with the host's libcore and compiler_builtins",
    build: () => [rustc('post-main.rs', 'post0.o', '0'), rustc('personality.rs', 'pers0.o', '0'), libcore, libbuiltins],
  },
  {
    name: "the post's main.rs, rustc -O0, relocation-model=pic, with libcore",
    build: () => [rustc('post-main.rs', 'post0pic.o', '0', 'pic'), rustc('personality.rs', 'pers0pic.o', '0', 'pic'), libcore, libbuiltins],
  },
  {
    name: 'core::fmt kernel, rustc -O1, with libcore and compiler_builtins',
    build: () => [rustc('fmt-kernel.rs', 'fmt1.o', '1'), rustc('personality.rs', 'persf1.o', '1'), libcore, libbuiltins],
  },
  {
    name: 'core::fmt kernel, rustc -Os, relocation-model=pic, with libcore and compiler_builtins',
    build: () => [rustc('fmt-kernel.rs', 'fmts.o', 's', 'pic'), rustc('personality.rs', 'persfs.o', 's', 'pic'), libcore, libbuiltins],
  },
  {
    name: 'core::fmt kernel, rustc -O0: memcpy and memset undefined, in the same words',
    build: () => [rustc('fmt-kernel.rs', 'fmt0.o', '0'), rustc('personality.rs', 'persf0.o', '0'), libcore, libbuiltins],
  },
  {
    name: 'u128 arithmetic, rustc -O2, with libcore and compiler_builtins',
    build: () => [rustc('u128.rs', 'u2.o', '2'), rustc('personality.rs', 'pers2.o', '2'), libcore, libbuiltins],
  },
  {
    name: 'u128 arithmetic, rustc -O3, relocation-model=pic, with libcore and compiler_builtins',
    build: () => [rustc('u128.rs', 'u3pic.o', '3', 'pic'), rustc('personality.rs', 'pers3pic.o', '3', 'pic'), libcore, libbuiltins],
  },
];

describe.each(cases)('$name: ours and rust-lld agree', ({ name, build }) => {
  const inputs = build();
  it.each([
    [true, false],
    [false, false],
    [true, true],
  ])('--gc-sections %s, --eh-frame-hdr -z now %s', (gc, rustcFlags) => {
    // Without --gc-sections all of libcore is kept, and it needs memcpy: both must say so alike.
    expectSameExecutableOrSameError(linkBoth(name.replace(/\W+/g, '_') + (gc ? '_gc' : '') + (rustcFlags ? '_r' : ''), inputs, gc, rustcFlags));
  });
});

function expectSameExecutableOrSameError(both: Both): void {
  if (both.lld.status !== 0) {
    expect(both.ours.status).toBe(both.lld.status);
    // Byte for byte, the DWARF file:line of references from libcore included.
    expect(both.ours.stderr).toBe(both.lld.stderr);
    return;
  }
  expectSameExecutable(both);
}

describe('rustc itself runs our linker (-C linker=bootlab link, -C linker-flavor=ld.lld)', () => {
  // rustc then passes what it passes rust-lld: its symbols.o, the rlibs, --as-needed, -Bstatic,
  // --eh-frame-hdr, -z noexecstack, -z relro, -z now, --gc-sections, -L, and our link-args.
  const wrapper = out('bootlab-link');
  const tsx = join(import.meta.dirname, '..', '..', 'node_modules', '.bin', 'tsx');
  const cli = join(import.meta.dirname, '..', 'cli', 'main.ts');
  writeFileSync(wrapper, `#!/bin/sh\nexec "${tsx}" "${cli}" link "$@"\n`, { mode: 0o755 });
  const build = (linker: string, source: string, opt: string, exe: string) =>
    spawnSync('rustc', [
      '--edition', '2021', '--crate-type', 'bin', '-C', 'panic=abort', '-C', `opt-level=${opt}`, '-C', 'relocation-model=static',
      '-C', 'target-feature=-sse,-sse2,-mmx,+soft-float', '-C', `linker=${linker}`, '-C', 'linker-flavor=ld.lld',
      '-C', 'link-arg=-static', '-C', 'link-arg=-nostdlib', '-C', 'link-arg=--defsym=rust_eh_personality=0', join(testdata, source), '-o', out(exe),
    ], { encoding: 'utf8' });
  it.each([
    ['post-main.rs', '0'],
    ['post-main.rs', '3'],
    ['u128.rs', '1'],
  ])('%s at opt-level %s: the same executable as with rust-lld', (source, opt) => {
    const name = `${source}-${opt}`;
    const ours = build(wrapper, source, opt, name + '.ours');
    expect(ours.status, ours.stderr).toBe(0);
    const lld = build(rustLld, source, opt, name + '.lld');
    expect(lld.status, lld.stderr).toBe(0);
    const both: Both = {
      lld: { status: 0, stderr: '', bytes: new Uint8Array(readFileSync(out(name + '.lld'))) },
      ours: { status: 0, stderr: '', bytes: new Uint8Array(readFileSync(out(name + '.ours'))) },
    };
    expectSameExecutable(both);
    // The host target has unwind tables: both have .eh_frame_hdr and PT_GNU_EH_FRAME.
    expect(readElfExecutable(both.ours.bytes!).programHeaders.some((p) => p.type === 0x6474e550)).toBe(true);
  });
});

describe('a higher-half image base (--image-base=0xffffffff80000000)', () => {
  const base = 0xffffffff80000000n;
  const both = (name: string, inputs: string[]): Both => {
    const lld = spawnSync(rustLld, ['-flavor', 'gnu', '--threads=1', '-static', '-nostdlib', '-e', '_start', '--gc-sections', `--image-base=0x${base.toString(16)}`, ...inputs, '-o', out(name)], { encoding: 'utf8' });
    const ours = linkFiles(inputs.map((path) => ({ name: path, bytes: new Uint8Array(readFileSync(path)) })), { gcSections: true, imageBase: base });
    return {
      lld: { status: lld.status ?? -1, stderr: lld.stderr, ...(lld.status === 0 && { bytes: new Uint8Array(readFileSync(out(name))) }) },
      ours: { status: ours.ok ? 0 : 1, stderr: ours.stderr, ...(ours.bytes && { bytes: ours.bytes }) },
    };
  };
  it('RIP-relative and 64-bit references link to the same executable', () => {
    const hello = out('high.o');
    execFileSync('nasm', ['-f', 'elf64', join(import.meta.dirname, '..', 'boot', 'testdata', 'hello.asm'), '-o', hello]);
    const runs = both('high-asm', [hello]);
    expectSameExecutable(runs);
    expect(readElfExecutable(runs.ours.bytes!).programHeaders.find((p) => p.type === PT_LOAD)!.vaddrExact).toBe(base);
  });
  it('-mcmodel=kernel code (sign-extended 32-bit addresses) links to the same executable', () => {
    expectSameExecutableOrSameError(both('high-c', [gcc('kernel.c', 'high-c.o', ['-O2', '-fno-pic', '-mcmodel=kernel', '-fno-asynchronous-unwind-tables'])]));
  });
});

describe('XXH3 (merge-section order) against libxxhash', () => {
  it('hashes inputs of every length class alike', () => {
    const lengths = [0, 1, 2, 3, 4, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 64, 65, 95, 96, 97, 128, 129, 200, 239, 240, 241, 255, 256, 1023, 1024, 1025, 2049, 5000];
    let seed = 12345;
    const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) & 0xff;
    const inputs = lengths.map((n) => Buffer.from(Array.from({ length: n }, random)).toString('hex'));
    const script = [
      'import ctypes, sys',
      "l = ctypes.CDLL('libxxhash.so.0')",
      'l.XXH3_64bits.restype = ctypes.c_uint64',
      'l.XXH3_64bits.argtypes = [ctypes.c_char_p, ctypes.c_size_t]',
      'for line in sys.stdin.read().split():',
      "    d = bytes.fromhex(line[1:])",
      "    print('%016x' % l.XXH3_64bits(d, len(d)))",
    ].join('\n');
    const want = execFileSync('python3', ['-c', script], { input: inputs.map((h) => 'x' + h).join('\n'), encoding: 'utf8' }).trim().split('\n');
    expect(inputs.map((h) => xxh3_64(Buffer.from(h, 'hex')).toString(16).padStart(16, '0'))).toEqual(want);
  });
});

describe('the ELF reader against readelf -r', () => {
  const objects = () => [
    gcc('kernel.c', 'r1.o', ['-O2', '-fno-pic', '-mcmodel=kernel', '-ffunction-sections']),
    gcc('pic.c', 'r2.o', ['-O1', '-fPIC']),
    nasm('kernel.asm', 'r3.o'),
    rustc('post-main.rs', 'r4.o', '0', 'pic'),
    builtObject(),
  ];
  it.each(objects())('%s', (path) => {
    const text = execFileSync('readelf', ['-rW', path], { encoding: 'utf8' });
    const expected: string[] = [];
    let section = '';
    for (const line of text.split('\n')) {
      const header = /^Relocation section '\.rela(.*)' at offset/.exec(line);
      if (header) section = header[1]!;
      const m = /^([0-9a-f]{16})\s+[0-9a-f]{16}\s+(R_X86_64_\S+)\s+([0-9a-f]{16})?\s*(.*?)\s*([+-])\s*([0-9a-f]+)$/.exec(line.trim());
      if (!m) continue;
      const addend = (m[5] === '-' ? -1n : 1n) * BigInt('0x' + m[6]);
      expected.push(`${section} ${BigInt('0x' + m[1])} ${m[2]} ${m[4]} ${addend}`);
    }
    const object = readElfObject(new Uint8Array(readFileSync(path)), path);
    const ours: string[] = [];
    for (const sec of object.sections) {
      for (const rel of sec.relocations) {
        const sym = object.symbols[rel.symbol]!;
        const symName = sym.type === 3 ? object.sections[sym.shndx]!.name : sym.name;
        ours.push(`${sec.name} ${rel.offset} ${relocationName(rel.type)} ${symName} ${rel.addend}`);
      }
    }
    expect(expected.length).toBeGreaterThan(0);
    // readelf shortens long names with [...]: compare those by prefix.
    expect(ours.length).toBe(expected.length);
    ours.forEach((line, i) => {
      const want = expected[i]!;
      if (want.includes('[...]')) {
        const [head] = want.split('[...]');
        expect(line.startsWith(head!)).toBe(true);
      } else expect(line).toBe(want);
    });
  });
});

describe('errors in rust-lld words', () => {
  it('undefined symbol referenced from libcore (rust_eh_personality), byte for byte', () => {
    const both = linkBoth('undef-personality', [rustc('post-main.rs', 'e0.o', '0'), libcore, libbuiltins], true);
    expect(both.lld.status).toBe(1);
    expect(both.ours.status).toBe(1);
    expect(both.ours.stderr).toBe(both.lld.stderr);
  });
  it('undefined symbols from a kernel object (core panics without libcore), byte for byte', () => {
    const both = linkBoth('undef-core', [rustc('post-main.rs', 'e1.o', '0')], true);
    expect(both.lld.status).toBe(1);
    expect(both.ours.stderr).toBe(both.lld.stderr);
  });
  it('undefined symbol referenced from code with DWARF line tables (gcc -g, DWARF 5), byte for byte', () => {
    const a = gcc('missing.c', 'g5.o', ['-O1', '-g', '-fno-asynchronous-unwind-tables']);
    const both = linkBoth('undef-dwarf5', [a], false);
    expect(both.lld.stderr).toContain('>>> referenced by missing.c:4 (');
    expect(both.ours.stderr).toBe(both.lld.stderr);
  });
  it('undefined symbol referenced from code with DWARF 4 line tables (gcc -gdwarf-4), byte for byte', () => {
    const a = gcc('missing.c', 'g4.o', ['-O1', '-gdwarf-4']);
    const both = linkBoth('undef-dwarf4', [a], false);
    expect(both.ours.stderr).toBe(both.lld.stderr);
  });
  it('undefined symbols from a rustc object with debug info (-g), byte for byte', () => {
    const obj = out('rustc-g.o');
    execFileSync('rustc', ['--edition', '2021', '--emit=obj', '--crate-type=lib', '-g', '-C', 'panic=abort', '-C', 'relocation-model=static',
      '-C', 'target-feature=-sse,-sse2,-mmx,+soft-float', join(testdata, 'post-main.rs'), '-o', obj], { stdio: 'ignore' });
    const both = linkBoth('undef-rustc-g', [obj], true);
    expect(both.lld.stderr).toMatch(/referenced by post-main\.rs:\d+/);
    expect(both.ours.stderr).toBe(both.lld.stderr);
  });
  it.each([['-g'], ['-gdwarf-4'], ['-gdwarf-5', '-O2']])('references from data and duplicate data, gcc %s: declaration lines from .debug_info, byte for byte', (...flags) => {
    const a = gcc('dwarf-data.c', 'dd1.o', flags);
    const b = gcc('dwarf-data.c', 'dd2.o', flags);
    const undef = linkBoth('dwarf-data-undef', [a], false);
    expect(undef.lld.stderr).toContain('>>> referenced by dwarf-data.c:4 (');
    expect(undef.ours.stderr).toBe(undef.lld.stderr);
    const dup = linkBoth('dwarf-data-dup', [a, b], false);
    expect(dup.lld.stderr).toContain('duplicate symbol: shared_counter\n>>> defined at dwarf-data.c:5 (');
    expect(dup.ours.stderr).toBe(dup.lld.stderr);
  });
  it.each(['4', '5'])('the same for rustc -g, DWARF %s, byte for byte', (version) => {
    const build = (out_: string) =>
      execFileSync('rustc', ['--edition', '2021', '--emit=obj', '--crate-type=lib', '-g', '-C', `dwarf-version=${version}`, join(testdata, 'dwarf-data.rs'), '-o', out(out_)], { stdio: 'ignore' });
    build(`rd${version}a.o`);
    build(`rd${version}b.o`);
    const undef = linkBoth(`rd-undef-${version}`, [out(`rd${version}a.o`)], false);
    expect(undef.lld.stderr).toContain('>>> referenced by dwarf-data.rs:');
    expect(undef.ours.stderr).toBe(undef.lld.stderr);
    const dup = linkBoth(`rd-dup-${version}`, [out(`rd${version}a.o`), out(`rd${version}b.o`)], false);
    expect(dup.ours.stderr).toBe(dup.lld.stderr);
  });
  it('undefined symbol with a spelling suggestion, byte for byte', () => {
    const a = gcc('missing.c', 'e2.o', ['-O1', '-fno-asynchronous-unwind-tables']);
    const b = gcc('provides.c', 'e3.o', ['-O1', '-fno-asynchronous-unwind-tables']);
    const both = linkBoth('undef-suggest', [a, b], false);
    expect(both.lld.stderr).toContain('did you mean: kernel_mian');
    expect(both.ours.stderr).toBe(both.lld.stderr);
    expect(both.ours.status).toBe(both.lld.status);
  });
  it('spelling suggestions: locals too, and only for the first two messages, byte for byte', () => {
    const both = linkBoth('typos', [gcc('typos.c', 'ty.o', ['-O0', '-fno-asynchronous-unwind-tables']), gcc('provides.c', 'pv.o', ['-O0'])], false);
    expect(both.lld.stderr).toContain('did you mean: print_line');
    expect(both.ours.stderr).toBe(both.lld.stderr);
  });
  it('no suggestion of a name whose section collection dropped, byte for byte', () => {
    const obj = gcc('typos.c', 'ty2.o', ['-Os', '-ffunction-sections', '-fdata-sections']);
    const both = linkBoth('typos-gc', [obj, gcc('provides.c', 'pv2.o', ['-O2'])], true, true);
    expect(both.lld.stderr).not.toContain('clear_screen');
    expect(both.ours.stderr).toBe(both.lld.stderr);
  });
  it('duplicate symbols, byte for byte', () => {
    const a = gcc('kernel.c', 'd1.o', ['-O1', '-fno-asynchronous-unwind-tables']);
    const b = gcc('kernel.c', 'd2.o', ['-O1', '-fno-asynchronous-unwind-tables', '-Dweakv=weakv2']);
    const both = linkBoth('dup', [a, b], false);
    expect(both.lld.status).toBe(1);
    expect(both.ours.stderr).toBe(both.lld.stderr);
  });
});
