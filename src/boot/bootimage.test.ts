import { describe, expect, it, vi } from 'vitest';
import { assemble } from '../x86/asm/index.ts';
import { BOOT_LAYOUT } from './asm/layout.ts';
import { BOOT_MESSAGES } from './asm/messages.ts';
import { buildBootImage } from './bootimage.ts';
import { checkKernelElf } from './kernel-check.ts';
import { makeElf64, PF_R, PF_W, PF_X, type TestSegment } from './test-elf.ts';
import { bootInMachine, cellAttribute, leafEntry, read64, readVirtual64 } from './test-boot.ts';

// Each boot runs the emulated PC for up to a few hundred million instructions; on a loaded
// machine that can take longer than Vitest's default 5 s.
vi.setConfig({ testTimeout: 60_000 });

const DATA = 0x400000n;
const DATA_FILESZ = 0x6008n; // file data (a magic word at both ends; more than one rep chunk), then .bss
const DATA_MEMSZ = 0x20000n;
const DATA_MAGIC = 0x1122334455667788n;

// A kernel in two parts, code (RX, 0x200000) and strings (R, 0x201000): it shows a greeting in
// light cyan, checks its data and .bss, keeps rdi and rsp in its data segment, and halts.
const kernelSource = (base: bigint) => `
bits 64
org ${base}
DATA equ ${DATA}
DATA_MEMSZ equ ${DATA_MEMSZ}
DATA_FILESZ equ ${DATA_FILESZ}
_start:
    mov r12, rdi
    mov r13, rsp
    mov rdi, 0xb8000
    mov rsi, hello
    call puts
    mov rdi, 0xb8000 + 160
    mov rsi, data_bad
    mov rax, ${DATA_MAGIC}
    cmp [DATA], rax
    jne .data_done
    cmp [DATA + DATA_FILESZ - 8], rax
    jne .data_done
    mov rsi, data_ok
.data_done:
    call puts
    mov rdi, DATA + DATA_FILESZ
    mov rcx, (DATA_MEMSZ - DATA_FILESZ) / 8
    xor eax, eax
    repe scasq
    mov rsi, bss_bad
    jne .bss_done
    mov rsi, bss_ok
.bss_done:
    mov rdi, 0xb8000 + 320
    call puts
    mov [DATA + 0x100], r12
    mov [DATA + 0x108], r13
.halt:
    cli
    hlt
    jmp .halt
puts:
    lodsb
    test al, al
    jz .done
    mov ah, 0x0b
    stosw
    jmp puts
.done:
    ret
    times 0x1000 - ($ - $$) db 0
hello:    db "Hello from Bootlab!", 0
data_ok:  db "data ok", 0
data_bad: db "data BAD", 0
bss_ok:   db "bss ok", 0
bss_bad:  db "bss BAD", 0
`;

function assembleKernelParts(base = 0x200000n): { code: Uint8Array; rodata: Uint8Array } {
  const result = assemble(kernelSource(base), { fileName: 'kernel.asm', bits: 64, readFile: () => undefined });
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return { code: result.bytes.slice(0, 0x1000), rodata: result.bytes.slice(0x1000) };
}

function goodSegments(base = 0x200000n): TestSegment[] {
  const { code, rodata } = assembleKernelParts(base);
  const data = new Uint8Array(Number(DATA_FILESZ)).map((_, i) => (i * 7) & 0xff);
  new DataView(data.buffer).setBigUint64(0, DATA_MAGIC, true);
  new DataView(data.buffer).setBigUint64(data.length - 8, DATA_MAGIC, true);
  return [
    { vaddr: base, flags: PF_R | PF_X, data: code },
    { vaddr: base + 0x1000n, flags: PF_R, data: rodata },
    { vaddr: DATA, flags: PF_R | PF_W, data, memsz: DATA_MEMSZ },
  ];
}

const goodKernel = () => makeElf64({ entry: 0x200000n, segments: goodSegments() });

function image(kernel: Uint8Array, unchecked = false): Uint8Array {
  const result = buildBootImage(kernel, { unchecked });
  if (!result.ok) throw new Error(result.message);
  return result.image;
}

describe('buildBootImage', () => {
  it('is deterministic: the same kernel gives the same bytes', () => {
    const kernel = goodKernel();
    expect(image(kernel)).toEqual(image(kernel.slice()));
  });

  it('is the bootloader, then the kernel byte for byte, padded with zeros to whole sectors', () => {
    const kernel = goodKernel();
    const result = buildBootImage(kernel);
    if (!result.ok) throw new Error(result.message);
    const { image: img, bootloaderBytes } = result;
    expect(bootloaderBytes % 512).toBe(0);
    expect(img.length % 512).toBe(0);
    expect(img.length).toBe(bootloaderBytes + Math.ceil(kernel.length / 512) * 512);
    expect(img.slice(bootloaderBytes, bootloaderBytes + kernel.length)).toEqual(kernel);
    expect(img.slice(bootloaderBytes + kernel.length).every((b) => b === 0)).toBe(true);
    expect(kernel.length % 512).not.toBe(0); // so the padding above was really exercised
  });

  it('has a boot signature and one bootable partition entry covering the sectors after the MBR', () => {
    const img = image(goodKernel());
    const view = new DataView(img.buffer, img.byteOffset);
    expect(view.getUint16(510, true)).toBe(0xaa55);
    expect(img[446]).toBe(0x80);
    expect(img[446 + 4]).not.toBe(0);
    expect(view.getUint32(446 + 8, true)).toBe(1);
    expect(view.getUint32(446 + 12, true)).toBe(img.length / 512 - 1);
    expect(img.slice(462, 510).every((b) => b === 0)).toBe(true);
  });

  it('has a bootloader that depends on the kernel only through its length', () => {
    const a = buildBootImage(new Uint8Array(700).fill(1), { unchecked: true });
    const b = buildBootImage(new Uint8Array(700).fill(2), { unchecked: true });
    const c = buildBootImage(new Uint8Array(1100), { unchecked: true });
    if (!a.ok || !b.ok || !c.ok) throw new Error('build failed');
    expect(a.image.slice(0, a.bootloaderBytes)).toEqual(b.image.slice(0, b.bootloaderBytes));
    expect(c.image.slice(0, c.bootloaderBytes)).not.toEqual(a.image.slice(0, a.bootloaderBytes));
    expect(c.image.length).toBe(a.image.length + 512);
  });
});

describe('checkKernelElf', () => {
  const good = goodKernel();
  const patched = (offset: number, bytes: number[]) => {
    const copy = good.slice();
    copy.set(bytes, offset);
    return copy;
  };
  it('accepts an ELF64 x86-64 executable', () => {
    expect(checkKernelElf(good)).toEqual({ ok: true });
  });
  it.each([
    ['not ELF', new TextEncoder().encode('#!/bin/sh\necho hi\n'), /not an ELF file/],
    ['empty', new Uint8Array(0), /not an ELF file/],
    ['32-bit', patched(4, [1]), /32-bit ELF/],
    ['bad class', patched(4, [7]), /invalid ELF class 7/],
    ['truncated header', good.slice(0, 40), /truncated ELF file \(40 bytes/],
    ['big-endian', patched(5, [2]), /big-endian/],
    ['other machine', patched(18, [183, 0]), /machine 183, not x86-64/],
    ['position-independent', patched(16, [3, 0]), /ET_DYN/],
    ['relocatable object', patched(16, [1, 0]), /type 1, not an executable/],
  ])('rejects %s', (_name, file, message) => {
    const check = checkKernelElf(file);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.message).toMatch(message);
    expect(buildBootImage(file).ok).toBe(false);
  });
});

describe('booting in Bootlab\'s machine', () => {
  it('runs a kernel made by our assembler: segments copied, .bss zeroed, text in light cyan', () => {
    const kernel = goodKernel();
    const { machine, stop, screen } = bootInMachine(image(kernel));
    expect(stop.kind).toBe('hlt');
    expect(screen).toBe('Hello from Bootlab!\ndata ok\nbss ok');
    for (let col = 0; col < 'Hello from Bootlab!'.length; col++) expect(cellAttribute(machine, 0, col)).toBe(0x0b);
    // rdi pointed at the boot information, and the stack was set up as documented
    const root = read64(machine, BOOT_LAYOUT.bootInfo + 0x50);
    expect(readVirtual64(machine, root, DATA + 0x100n)).toBe(BigInt(BOOT_LAYOUT.bootInfo));
    expect(readVirtual64(machine, root, DATA + 0x108n)).toBe(BigInt(BOOT_LAYOUT.stackTop - 8));
  });

  it.each([
    ['at 1 MiB, inside the 2 MiB identity page the bootloader runs from', 0x100000n],
    ['in the higher half', 0xffff_ffff_8000_0000n],
  ])('runs the same kernel linked %s', (where, base) => {
    const segments = goodSegments(base).sort((a, b) => (a.vaddr < b.vaddr ? -1 : 1)); // ELF order: by address
    const kernel = makeElf64({ entry: base, segments });
    const { machine, stop, screen } = bootInMachine(image(kernel));
    expect(stop.kind).toBe('hlt');
    expect(screen).toBe('Hello from Bootlab!\ndata ok\nbss ok');
    const root = read64(machine, BOOT_LAYOUT.bootInfo + 0x50);
    const code = leafEntry(machine, root, base);
    expect(code.level).toBe(1);
    expect(readVirtual64(machine, root, DATA + 0x108n)).toBe(BigInt(BOOT_LAYOUT.stackTop - 8));
    const field = (offset: number) => read64(machine, BOOT_LAYOUT.bootInfo + offset);
    const fileEnd = BigInt(Math.ceil((BOOT_LAYOUT.kernelFile + kernel.length) / 4096) * 4096);
    if (where.startsWith('at 1 MiB')) {
      // physical = virtual; the file, which was where the kernel goes, moved to just above it
      expect(code.entry & 0x000f_ffff_ffff_f000n).toBe(base);
      expect([field(0x20), field(0x28)]).toEqual([base, DATA + DATA_MEMSZ]);
      expect(field(0x30)).toBe(DATA + DATA_MEMSZ);
      expect(machine.mem.readBytes(Number(field(0x30)), kernel.length)).toEqual(kernel);
    } else {
      // not below 4 GiB: frames right after the file (code, rodata, then data and .bss)
      expect(field(0x20)).toBe(fileEnd);
      expect(field(0x28) - field(0x20)).toBe(BigInt(1 + Number(DATA_MEMSZ) / 4096 + 1) * 4096n);
      expect(field(0x30)).toBe(BigInt(BOOT_LAYOUT.kernelFile));
    }
  });

  it('hands over a boot information structure that describes memory and the kernel', () => {
    const kernel = goodKernel();
    const { machine } = bootInMachine(image(kernel));
    const info = BOOT_LAYOUT.bootInfo;
    const field = (offset: number) => read64(machine, info + offset);
    expect(new TextDecoder().decode(machine.mem.readBytes(info, 8))).toBe('BOOTLAB1');
    expect(machine.mem.read32(info + 8)).toBe(1);
    expect(machine.mem.read32(info + 12)).toBe(0x78);
    expect(field(0x10)).toBe(BigInt(BOOT_LAYOUT.memoryMap));
    const entries = Number(field(0x18));
    expect(entries).toBeGreaterThanOrEqual(2);
    const regions = Array.from({ length: entries }, (_, i) => ({
      base: read64(machine, BOOT_LAYOUT.memoryMap + 24 * i),
      length: read64(machine, BOOT_LAYOUT.memoryMap + 24 * i + 8),
      type: machine.mem.read32(BOOT_LAYOUT.memoryMap + 24 * i + 16),
    }));
    // the E820 map as the BIOS gave it: usable RAM from 1 MiB up to nearly the machine's 128 MiB
    const high = regions.find((r) => r.base === 0x100000n);
    expect(high?.type).toBe(1);
    expect(high!.length).toBeGreaterThan(120n * 1024n * 1024n);
    expect(regions[0]).toMatchObject({ base: 0n, type: 1 });
    // the segments sit at their own addresses (physical = virtual): from the first to the last
    expect(field(0x20)).toBe(0x200000n);
    expect(field(0x28)).toBe(DATA + DATA_MEMSZ);
    expect(field(0x30)).toBe(BigInt(BOOT_LAYOUT.kernelFile));
    expect(field(0x38)).toBe(BigInt(kernel.length));
    expect(field(0x40)).toBe(BigInt(BOOT_LAYOUT.pageTables));
    expect(field(0x48)).toBeGreaterThan(BigInt(BOOT_LAYOUT.pageTables + 6 * 4096));
    expect(field(0x58)).toBe(BigInt(BOOT_LAYOUT.stackBottom));
    expect(field(0x60)).toBe(BigInt(BOOT_LAYOUT.stackTop));
    expect(field(0x68)).toBe(0x1_0000_0000n);
    expect(machine.mem.read32(info + 0x70)).toBe(0x80);
    expect(machine.mem.read32(info + 0x74)).toBe(1); // NX in use
  });

  it('maps each segment with its permissions and keeps the rest of the first 4 GiB identity-mapped', () => {
    const { machine } = bootInMachine(image(goodKernel()));
    const root = read64(machine, BOOT_LAYOUT.bootInfo + 0x50);
    const physStart = read64(machine, BOOT_LAYOUT.bootInfo + 0x20);
    const NX = 1n << 63n;
    const code = leafEntry(machine, root, 0x200000n);
    expect(code.level).toBe(1);
    expect(code.entry & 0x000f_ffff_ffff_f000n).toBe(physStart);
    expect(code.entry & 2n).toBe(0n); // read-only
    expect(code.entry & NX).toBe(0n); // executable
    const rodata = leafEntry(machine, root, 0x201000n).entry;
    expect(rodata & 2n).toBe(0n);
    expect(rodata & NX).toBe(NX);
    const data = leafEntry(machine, root, DATA + 0x1f000n).entry;
    expect(data & 2n).toBe(2n);
    expect(data & NX).toBe(NX);
    // the rest of the split 2 MiB page is still the identity map
    expect(leafEntry(machine, root, 0x205000n).entry & 0x000f_ffff_ffff_f000n).toBe(0x205000n);
    // untouched 2 MiB regions are large identity pages up to 4 GiB
    for (const addr of [0x600000n, 0x4000_0000n, 0xffe0_0000n]) {
      const leaf = leafEntry(machine, root, addr);
      expect(leaf.level).toBe(2);
      expect(leaf.entry & 0x000f_ffff_ffe0_0000n).toBe(addr);
    }
    expect(leafEntry(machine, root, 0x1_0000_0000n).entry).toBe(0n);
  });

  it('takes a segment without file bytes (only .bss) whatever its file offset', () => {
    const segments = goodSegments();
    const kernel = makeElf64({ entry: 0x200000n, segments: [...segments, { vaddr: 0x800000n, flags: PF_R | PF_W, data: new Uint8Array(0), memsz: 0x3000n }] });
    const view = new DataView(kernel.buffer);
    view.setBigUint64(64 + 56 * 3 + 8, 0xffff_0000n, true); // p_offset far past the end of the file
    const { machine, screen } = bootInMachine(image(kernel));
    expect(screen).toBe('Hello from Bootlab!\ndata ok\nbss ok');
    const root = read64(machine, BOOT_LAYOUT.bootInfo + 0x50);
    expect(readVirtual64(machine, root, 0x802ff8n)).toBe(0n);
    expect(leafEntry(machine, root, 0x802000n).entry & 2n).toBe(2n);
  });

  it('gives segments sharing a page one frame with the union of their permissions', () => {
    const { code, rodata } = assembleKernelParts();
    // code at 0x200000; strings right after it in the same page, read-only; data in that page too
    const codeLength = code.findLastIndex((b) => b !== 0) + 1;
    const segments: TestSegment[] = [
      { vaddr: 0x200000n, flags: PF_R | PF_X, data: code.slice(0, codeLength) },
      { vaddr: 0x200000n + BigInt(codeLength), flags: PF_R | PF_W, data: new Uint8Array([1, 2, 3]), memsz: 16n },
      { vaddr: 0x201000n, flags: PF_R, data: rodata },
      { vaddr: DATA, flags: PF_R | PF_W, data: goodSegments()[2]!.data, memsz: DATA_MEMSZ },
    ];
    const { machine, screen } = bootInMachine(image(makeElf64({ entry: 0x200000n, segments })));
    expect(screen).toBe('Hello from Bootlab!\ndata ok\nbss ok');
    const root = read64(machine, BOOT_LAYOUT.bootInfo + 0x50);
    const shared = leafEntry(machine, root, 0x200000n).entry;
    expect(shared & 2n).toBe(2n); // writable (from the data segment)
    expect(shared >> 63n).toBe(0n); // executable (from the code segment)
    const sharedFrame = Number(shared & 0x000f_ffff_ffff_f000n);
    expect([...machine.mem.readBytes(sharedFrame + codeLength, 16)]).toEqual([1, 2, 3, ...new Array(13).fill(0)]);
  });
});

describe('bad kernels: a message on screen, then a halt', () => {
  const { code, rodata } = assembleKernelParts();
  const seg = (vaddr: bigint, flags: number, data: Uint8Array, memsz?: bigint): TestSegment => ({ vaddr, flags, data, ...(memsz !== undefined && { memsz }) });
  const cases: [string, Uint8Array, string][] = [
    ['not ELF', new TextEncoder().encode('just some text, not a kernel'), BOOT_MESSAGES.notElf],
    ['empty', new Uint8Array(0), BOOT_MESSAGES.notElf],
    ['32-bit ELF', makeElf64({ entry: 0x200000n, segments: goodSegments(), elfClass: 1 }), BOOT_MESSAGES.elf32],
    ['truncated header', goodKernel().slice(0, 50), BOOT_MESSAGES.truncatedHeader],
    ['truncated program headers', goodKernel().slice(0, 100), BOOT_MESSAGES.headersTruncated],
    ['truncated segment data', goodKernel().slice(0, 0x1100), BOOT_MESSAGES.dataOutside],
    ['another machine', makeElf64({ entry: 0x200000n, segments: goodSegments(), machine: 40 }), BOOT_MESSAGES.wrongMachine],
    ['not an executable', makeElf64({ entry: 0x200000n, segments: goodSegments(), type: 1 }), BOOT_MESSAGES.notExecutable],
    ['entry outside any segment', makeElf64({ entry: 0x300000n, segments: goodSegments() }), BOOT_MESSAGES.badEntry],
    ['entry in a non-executable segment', makeElf64({ entry: 0x201000n, segments: goodSegments() }), BOOT_MESSAGES.badEntry],
    ['overlapping segments', makeElf64({ entry: 0x200000n, segments: [seg(0x200000n, PF_R | PF_X, code), seg(0x200800n, PF_R, rodata)] }), BOOT_MESSAGES.overlap],
    ['segments out of order', makeElf64({ entry: 0x200000n, segments: [seg(0x201000n, PF_R, rodata), seg(0x200000n, PF_R | PF_X, code)] }), BOOT_MESSAGES.overlap],
    ['a segment below 1 MiB', makeElf64({ entry: 0x200000n, segments: [seg(0x8000n, PF_R, rodata), seg(0x200000n, PF_R | PF_X, code)] }), BOOT_MESSAGES.tooLow],
    ['a non-canonical segment', makeElf64({ entry: 0x200000n, segments: [seg(0x200000n, PF_R | PF_X, code), seg(0x0000_8000_0000_0000n, PF_R, rodata)] }), BOOT_MESSAGES.nonCanonical],
    ['filesz above memsz', makeElf64({ entry: 0x200000n, segments: [seg(0x200000n, PF_R | PF_X, code, 16n)] }), BOOT_MESSAGES.fileszTooBig],
    ['no loadable segment', makeElf64({ entry: 0x200000n, segments: [{ ...seg(0x200000n, PF_R | PF_X, code), type: 4 }] }), BOOT_MESSAGES.noSegments],
    ['more than 64 loadable segments', makeElf64({ entry: 0x200000n, segments: [seg(0x200000n, PF_R | PF_X, code), ...Array.from({ length: 64 }, (_, i) => seg(0x400000n + BigInt(i) * 0x1000n, PF_R, rodata))] }), BOOT_MESSAGES.tooMany],
    // each segment in its own 2 MiB page: one page table each, more than the page-table area holds
    ['segments spread over more page tables than fit', makeElf64({ entry: 0x200000n, segments: [seg(0x200000n, PF_R | PF_X, code), ...Array.from({ length: 60 }, (_, i) => seg(0x400000n + BigInt(i) * 0x200000n, PF_R, rodata))] }), BOOT_MESSAGES.outOfTables],
    ['more memory than the machine has', makeElf64({ entry: 0x200000n, segments: [seg(0x200000n, PF_R | PF_X, code, 0x1000_0000n)] }), BOOT_MESSAGES.noMemory],
  ];
  it.each([
    ['only the MBR', () => 512, BOOT_MESSAGES.stage2Read],
    ['the bootloader and one sector of the kernel', (bootloaderBytes: number) => bootloaderBytes + 512, BOOT_MESSAGES.kernelRead],
  ])('a disk cut short: %s', (_name, keep, message) => {
    const built = buildBootImage(goodKernel());
    if (!built.ok) throw new Error(built.message);
    const { stop, screen } = bootInMachine(built.image.slice(0, keep(built.bootloaderBytes)));
    expect(stop.kind).toBe('hlt');
    expect(screen).toBe(`${BOOT_MESSAGES.prefix}${message}\n\n${BOOT_MESSAGES.halted}`);
  });

  it.each([
    ['writes to its read-only segment', 'mov byte [0x201000], 1'],
    ['calls into its non-executable segment', 'mov rax, 0x201000\ncall rax'],
  ])('a kernel that %s gets a page fault, which the boot IDT reports', (_what, body) => {
    const r = assemble(`bits 64\norg 0x200000\n${body}\ncli\nhlt\n`, { fileName: 'k.asm', readFile: () => undefined });
    if (!r.ok) throw new Error(r.errors.join('\n'));
    const kernel = makeElf64({ entry: 0x200000n, segments: [seg(0x200000n, PF_R | PF_X, r.bytes), seg(0x201000n, PF_R, new Uint8Array([0xc3]))] });
    const { stop, screen } = bootInMachine(image(kernel));
    expect(stop.kind).toBe('hlt');
    expect(screen).toBe(`${BOOT_MESSAGES.prefix}${BOOT_MESSAGES.exception}0e\n\n${BOOT_MESSAGES.halted}`);
  });

  it('a kernel file larger than the memory above 1 MiB (checked before loading it)', () => {
    const kernel = new Uint8Array(9 * 1024 * 1024);
    kernel.set(goodKernel());
    const { stop, screen } = bootInMachine(image(kernel), { memoryMiB: 8 });
    expect(stop.kind).toBe('hlt');
    expect(screen).toBe(`${BOOT_MESSAGES.prefix}${BOOT_MESSAGES.noMemory}\n\n${BOOT_MESSAGES.halted}`);
  });

  it.each(cases)('%s', (_name, kernel, message) => {
    const { stop, screen } = bootInMachine(image(kernel, true));
    expect(stop.kind).toBe('hlt');
    const expected = `${BOOT_MESSAGES.prefix}${message}`;
    const rows = screen.split('\n');
    // the message starts on row 0 and wraps at 80 columns
    expect(rows.slice(0, Math.ceil(expected.length / 80)).join('')).toBe(expected);
    expect(rows.at(-1)).toBe(BOOT_MESSAGES.halted);
  });
});
