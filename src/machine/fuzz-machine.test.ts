// Random instruction streams on the whole PC never crash the emulator (no host exception):
// a boot sector puts the CPU in real mode with the BIOS and the timer running (so random
// `int`s reach the BIOS with random registers), in 32-bit protected mode with 4 MiB paging and
// PAE paging, and in long mode, each with an interrupt table whose every vector leads into more
// random bytes, interrupts enabled and the PIT firing; then it jumps into random bytes. Whatever
// happens (faults, triple faults, resets, hlt, port writes to devices) must be a guest event.
import { describe, expect, it } from 'vitest';
import { assembleBoot } from './boot-programs/assemble-ours.ts';
import { createMachine } from './machine.ts';

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; return s >>> 24; };
}

/** From the boot sector to 32-bit protected mode with flat segments and the stack at 0x70000. */
const PM32_START = `
  cli
  xor ax, ax
  mov ds, ax
  ENTER_PM .pm
bits 32
.pm:
  FLAT_DATA32
  mov esp, 0x70000`;

/** A 32-bit IDT at 0x60000 whose 256 gates (type byte `type`: 0x8e interrupt, 0x8f trap) all lead to 0x30000. */
const idt32 = (type: number): string => `
  mov edi, 0x60000
  mov ecx, 256
.g:
  mov dword [edi], 0x00080000
  mov dword [edi + 4], 0x0003${type.toString(16)}00
  add edi, 8
  loop .g
  lidt [idtr]`;

/** 32 PAE/long-mode page-directory entries from EDI on: 2 MiB pages identity-mapping 64 MiB. */
const LARGE_PAGES_64MIB = `  mov eax, 0x83
  mov ecx, 32
.p:
  mov [edi], eax
  add edi, 8
  add eax, 0x200000
  loop .p`;

/** CR4 |= `cr4Bits` (PSE 0x10 or PAE 0x20), CR3 = 0x50000, paging on, interrupts on, then the jump to the random bytes. */
const pagingOnThenJump = (cr4Bits: number): string => `  mov eax, cr4
  or eax, 0x${cr4Bits.toString(16)}
  mov cr4, eax
  mov eax, 0x50000
  mov cr3, eax
  mov eax, cr0
  or eax, 0x80000000
  mov cr0, eax
  sti
  jmp 0x20000`;

/** Prologues, each ending in a jump to 0x20000 where the random bytes are. */
const PROLOGUES: Record<string, string> = {
  real: `
  xor ax, ax
  mov ds, ax
  mov ss, ax
  mov sp, 0x7000
  ; every IVT entry except the BIOS's (10h-1Fh) to random code at 0x3000:0
  xor di, di
.v:
  cmp di, 0x40
  jb .keep
  cmp di, 0x80
  jb .skip
.keep:
  mov word [di], 0
  mov word [di + 2], 0x3000
.skip:
  add di, 4
  cmp di, 0x400
  jb .v
  sti
  jmp 0x2000:0`,
  pm32paging: `${PM32_START}${idt32(0x8e)}
  ; 4 MiB pages for the first 64 MiB, one 4 KiB table for 0x400000 (some pages missing)
  mov edi, 0x50000
  mov ecx, 1024
  xor eax, eax
  rep stosd
  mov ecx, 16
  mov eax, 0x83
  mov edi, 0x50000
.p:
  stosd
  add eax, 0x400000
  loop .p
${pagingOnThenJump(0x10)}`,
  pae: `${PM32_START}${idt32(0x8f)}
  mov edi, 0x50000
  mov ecx, 0x3000 / 4
  xor eax, eax
  rep stosd
  mov dword [0x50000], 0x51001
  mov edi, 0x51000
${LARGE_PAGES_64MIB}
${pagingOnThenJump(0x20)}`,
  long: `${PM32_START}
  mov edi, 0x50000
  mov ecx, 0x3000 / 4
  xor eax, eax
  rep stosd
  mov dword [0x50000], 0x51003
  mov dword [0x51000], 0x52003
  mov edi, 0x52000
${LARGE_PAGES_64MIB}
  ; 64-bit IDT at 0x60000: all gates to 0x30000, IST 0
  mov edi, 0x60000
  mov ecx, 256
.g:
  mov dword [edi], 0x00180000
  mov dword [edi + 4], 0x00038e00
  mov dword [edi + 8], 0
  mov dword [edi + 12], 0
  add edi, 16
  loop .g
  lidt [idtr64]
  ; EFER: LME, SCE and NXE
  ENABLE_LONG 0x50000, .lm, 0x901
bits 64
.lm:
  mov rsp, 0x70000
  sti
  mov rax, 0x20000
  jmp rax`,
};

function bootSector(prologue: string): Uint8Array {
  const source = `%include "inc/boot.inc"
bits 16
org 0x7c00
${prologue}
  GDT_FLAT
  GDTR
idtr: dw 256*8 - 1
  dd 0x60000
idtr64: dw 256*16 - 1
  dd 0x60000
times 510 - ($ - $$) db 0
dw 0xaa55
`;
  return assembleBoot(source, 'fuzz.asm');
}

describe('random instruction streams on the whole machine', () => {
  for (const [name, prologue] of Object.entries(PROLOGUES)) {
    // Real-mode garbage runs slowly here (it writes all over the code it runs, so blocks are
    // decoded again and again): fewer programs there.
    const programs = name === 'real' ? 16 : 40;
    it(`${name}: ${programs} random programs with interrupts on run without a host exception`, () => {
      const boot = bootSector(prologue);
      for (let seed = 1; seed <= programs; seed++) {
        const next = lcg(seed * 104729 + name.length);
        const image = new Uint8Array(512 * 4);
        image.set(boot);
        const m = createMachine({ diskImage: image });
        // the random code: 0x20000 (entry) and 0x30000 (every interrupt handler)
        for (const base of [0x20000, 0x30000]) for (let k = 0; k < 512; k++) m.mem.write8(base + k, next());
        // Every other program compiles its blocks on their second run (compiling is what costs).
        if (seed % 2 === 0) m.cpu.hotRuns = 2;
        let error: unknown = null;
        try {
          for (let slice = 0; slice < 20; slice++) {
            const stop = m.run({ maxInstructions: 20_000 });
            if (stop.kind !== 'slice') break;
          }
        } catch (e) { error = e; }
        if (error) throw new Error(`${name} seed ${seed}: ${String(error)}\n${(error as Error).stack}`);
        expect(error).toBeNull();
      }
    }, 120_000);
  }
});
