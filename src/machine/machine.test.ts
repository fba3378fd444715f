// Boot-sector programs on the whole machine (BIOS, devices, CPU): mode switches, paging and
// page faults, interrupts through the IVT/IDT, the PIT through the PIC, unreal mode, triple
// fault, save/restore. Expected outputs were checked against qemu-system-x86_64.
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { assembleBoot } from './boot-programs/assemble-ours.ts';
import { createMachine, type Machine } from './machine.ts';

// Whole-machine boots take a few hundred milliseconds each; generous limits for loaded hosts.
vi.setConfig({ testTimeout: 60_000 });

// Programs of testdata/ include the shared macros of testdata/inc/ (`%include "inc/boot.inc"`),
// found through the include directories of assembleBoot (boot-programs/ and cpu/testdata/).
const image = (source: string): Uint8Array => assembleBoot(source);

function bootSector(body: string): Uint8Array {
  return image(`%include "inc/boot.inc"\nbits 16\norg 0x7c00\n${body}\ntimes 510-($-$$) db 0\ndw 0xaa55\n`);
}

/** Boots `img`; programs that check the whole screen turn the BIOS banner off. */
function boot(img: Uint8Array, maxInstructions = 5_000_000, biosBanner = true): { m: Machine; stop: ReturnType<Machine['run']> } {
  const m = createMachine({ diskImage: img, memorySize: 32 << 20, biosBanner });
  const stop = m.run({ maxInstructions });
  return { m, stop };
}

const testdata = (name: string) => readFileSync(new URL(`./cpu/testdata/${name}`, import.meta.url), 'utf8');

describe('booting boot-sector programs', () => {
  it('prints through int 10h and stops on hlt with interrupts off', () => {
    const { m, stop } = boot(bootSector(`
      xor ax, ax
      mov ds, ax
      mov si, msg
    .l: lodsb
      test al, al
      jz .done
      mov ah, 0x0e
      int 0x10
      jmp .l
    .done:
      cli
      hlt
    msg: db "Hello, World!", 0`));
    expect(stop).toEqual({ kind: 'hlt' });
    // Teletype output starts below the BIOS banner, on the row where it starts in QEMU (SeaBIOS).
    expect(m.screenRows(true).slice(7, 9)).toEqual(['Booting from Hard Disk...', 'Hello, World!']);
    expect(m.screenRows(true)[0]).toMatch(/^Bootlab BIOS/);
    expect(m.cursor().row).toBe(8);
  });

  it('real -> protected -> long mode with paging; #PF error code and CR2; debug exit', () => {
    const { m, stop } = boot(image(testdata('long-mode.asm')), 5_000_000, false);
    expect(stop).toEqual({ kind: 'debug-exit', code: 0x21 });
    expect(m.screenText()).toBe('OK64');
    expect(m.serialOutput()).toBe('P0:1D');
  });

  it('ring 3 via iretq, int 0x80 on RSP0 from the TSS, #PF error 7 on IST1', () => {
    const { m, stop } = boot(image(testdata('user-mode.asm')));
    expect(stop).toEqual({ kind: 'debug-exit', code: 0x10 });
    expect(m.serialOutput()).toBe('3S0F7IC');
  });

  it('compatibility mode, retf/retfq between 32- and 64-bit code, swapgs, rdtsc, syscall/sysret', () => {
    const { m, stop } = boot(image(testdata('compat-mode.asm')));
    expect(stop).toEqual({ kind: 'debug-exit', code: 0x10 });
    expect(m.serialOutput()).toBe('1LCBgkT30');
  });

  it('32-bit rings: iret to ring 3, int 0x80 on SS0:ESP0 from the TSS, #GP(0) for out at CPL 3', () => {
    const { m, stop } = boot(image(testdata('ring3-32.asm')));
    expect(stop).toEqual({ kind: 'debug-exit', code: 0x10 });
    expect(m.serialOutput()).toBe('3E3KG0F0');
  });

  it('paging: 1 GiB, 2 MiB and higher-half 4 KiB pages, accessed/dirty bits, invlpg, CR3 reload', () => {
    const { m, stop } = boot(image(testdata('paging-probe.asm')));
    expect(stop).toEqual({ kind: 'debug-exit', code: 0x10 });
    expect(m.serialOutput()).toBe('aab2363E323cb');
  });

  it('PIT ticks through the PIC in real mode, then remapped to 0x20 in protected mode', () => {
    const { m, stop } = boot(image(testdata('pit-irq.asm')), 1_000_000_000);
    expect(stop).toEqual({ kind: 'debug-exit', code: 0x10 });
    expect(m.serialOutput()).toBe('123pp');
  });

  it('the A20 gate through port 0x92 makes 1 MiB wrap to 0 and back', () => {
    const { m, stop } = boot(image(testdata('a20.asm')));
    expect(stop).toEqual({ kind: 'debug-exit', code: 1 });
    expect(m.serialOutput()).toBe('DSD');
  });

  it('string instructions in 64-bit mode, overlapping copies in both directions', () => {
    const { m, stop } = boot(image(testdata('strings64.asm')));
    expect(stop).toEqual({ kind: 'debug-exit', code: 0x10 });
    expect(m.serialOutput()).toBe('HHHHH, sHHHHH, strings i........HHHHMs');
  });

  it('unreal mode: a 4 GiB DS limit survives the return to real mode', () => {
    const { m, stop } = boot(image(testdata('unreal-mode.asm')));
    expect(stop).toEqual({ kind: 'debug-exit', code: 1 });
    expect(m.serialOutput()).toBe('KOO');
  });

  it('the PIT interrupts through the PIC into a handler of our own (sti; hlt)', () => {
    const { m, stop } = boot(bootSector(`
      cli
      xor ax, ax
      mov ds, ax
      mov word [0x08*4], tick
      mov word [0x08*4+2], 0
      sti
    .wait:
      hlt
      cmp byte [count], 3
      jb .wait
      mov al, 2
      out 0xf4, al
    tick:
      inc byte [count]
      mov dx, 0x3f8
      mov al, 'T'
      out dx, al
      mov al, 0x20
      out 0x20, al
      iret
    count: db 0`), 1_000_000_000);
    expect(stop).toEqual({ kind: 'debug-exit', code: 2 });
    expect(m.serialOutput()).toBe('TTT');
    // Three ticks of the 18.2 Hz timer passed in guest time, not host time.
    expect(m.cpu.nowNs).toBeGreaterThan(2 * 54_900_000);
  });

  it('32-bit protected mode: an IDT interrupt gate, #GP with an error code, 32-bit paging #PF', () => {
    const { m, stop } = boot(bootSector(`
      cli
      xor ax, ax
      mov ds, ax
      ENTER_PM pm
    bits 32
    pm:
      mov ax, 0x10
      mov ds, ax
      mov ss, ax
      mov esp, 0x90000
      mov eax, gp
      mov [0x6000 + 13*8], ax
      mov word [0x6000 + 13*8 + 2], 0x08
      mov word [0x6000 + 13*8 + 4], 0x8e00
      shr eax, 16
      mov [0x6000 + 13*8 + 6], ax
      mov eax, pf
      mov [0x6000 + 14*8], ax
      mov word [0x6000 + 14*8 + 2], 0x08
      mov word [0x6000 + 14*8 + 4], 0x8e00
      shr eax, 16
      mov [0x6000 + 14*8 + 6], ax
      lidt [idtr]
      mov ax, 0x1234
      mov es, ax                       ; beyond the GDT limit: #GP(0x1234 & ~3)
    after_gp:
      ; 32-bit paging: page directory at 0x20000, one table at 0x21000 mapping 0-4 MiB but page 0x5 read-only
      mov edi, 0x20000
      mov ecx, 0x2000/4
      xor eax, eax
      rep stosd
      mov dword [0x20000], 0x21003
      mov ecx, 0
    .fill:
      mov eax, ecx
      shl eax, 12
      or eax, 3
      mov [0x21000 + ecx*4], eax
      inc ecx
      cmp ecx, 1024
      jb .fill
      and dword [0x21000 + 5*4], ~2
      mov eax, 0x20000
      mov cr3, eax
      mov eax, cr0
      or eax, 0x80010000
      mov cr0, eax
      mov byte [0x5010], 1             ; read-only page, WP: #PF error 3
      hlt
    gp:
      pop eax
      mov dx, 0x3f8
      mov [0x7000], eax
      mov al, 'G'
      out dx, al
      mov dword [esp], after_gp
      iret
    pf:
      pop ebx
      mov dx, 0x3f8
      mov al, 'P'
      out dx, al
      mov al, bl
      add al, '0'
      out dx, al
      mov eax, cr2
      mov [0x7004], eax
      mov al, 3
      out 0xf4, al
    align 8
    gdt: dq 0, 0x00cf9a000000ffff, 0x00cf92000000ffff
    gdtr: dw 23
      dd gdt
    idtr: dw 0x7ff
      dd 0x6000`));
    expect(stop).toEqual({ kind: 'debug-exit', code: 3 });
    expect(m.serialOutput()).toBe('GP3');
    expect(m.mem.read32(0x7000)).toBe(0x1234);  // TI (bit 2) set: an LDT selector with no LDT
    expect(m.mem.read32(0x7004)).toBe(0x5010);
  });

  it('a triple fault stops the machine with a register dump', () => {
    const { stop } = boot(bootSector(`
      cli
      xor ax, ax
      mov ds, ax
      lidt [idtr]
      int3
    idtr: dw 0
      dd 0`));
    expect(stop.kind).toBe('triple-fault');
    if (stop.kind === 'triple-fault') {
      expect(stop.message).toMatch(/triple fault/);
      expect(stop.message).toMatch(/rip=/);
    }
  });

  it('double fault: a #GP whose handler gate is missing becomes #DF', () => {
    const { m, stop } = boot(image(testdata('double-fault.asm')));
    expect(stop).toEqual({ kind: 'debug-exit', code: 4 });
    expect(m.serialOutput()).toBe('D0');
  });
});

describe('more boot programs of testdata/ (outputs checked against QEMU by cpu.oracle.test.ts)', () => {
  const cases: [string, string][] = [
    ['self-modifying.asm', 'B123RS'],
    ['memory64.asm', '01 22 00 00 28 2A 20 01 78 99 78 D0 0D 03 zNJ'],
    ['segments64.asm', 'xFGGAS0G0'],
    ['bios-calls.asm', '00420 0103 00001 TH'],
    ['real-exceptions.asm', 'DFBOU331M3'],
    ['long-irq.asm', 'IiSS1'],
    ['port-io.asm', '60A555012345FFFF33'],
    ['single-step.asm', '20 23 24 25 26 29 2A 2B 8'],
    ['protected16.asm', 'PIEF3K0'],
    ['segments32.asm', '11223344 55667788 11223344 123400FC 0000CAFE 00C09300 FFFFFFFF 01010101 \n00009300 0000FFFF 01010101 \n00000000 00000000 00000000 \n00C09800 FFFFFFFF 01010000 \n'],
  ];
  for (const [file, serial] of cases) {
    it(file, () => {
      const { m, stop } = boot(image(testdata(file)), 1_000_000_000);
      expect(stop).toEqual({ kind: 'debug-exit', code: 0x10 });
      expect(m.serialOutput()).toBe(serial);
    });
  }
});

describe('a kernel built by rustc', () => {
  it('boots through a BIOS bootloader into 64-bit Rust code: VGA text, u128 arithmetic, debug exit', () => {
    const disk = new Uint8Array(readFileSync(new URL('./testdata/rust-kernel/disk.img', import.meta.url)));
    const { m, stop } = boot(disk, 50_000_000, false);
    expect(stop).toEqual({ kind: 'debug-exit', code: 0x10 });
    const a = 0xdeadbeef12345678n, b = 0x100000001n, p = a * b;
    expect(m.screenText()).toBe(['Hello World!', String(p), String(p / 7n), '987654312'].join('\n'));
  });
});

describe('input', () => {
  it('int 16h waits for a key (time skips, no busy loop) and gets it from the keyboard', () => {
    const m = createMachine({ diskImage: bootSector(`
      xor ax, ax
      mov ds, ax
      mov ah, 0
      int 0x16
      mov ah, 0x0e
      int 0x10
      mov dx, 0x3f8
      out dx, al
      cli
      hlt`), memorySize: 8 << 20, biosBanner: false });
    expect(m.run({ maxInstructions: 2_000_000 })).toEqual({ kind: 'slice' });
    expect(m.cpu.icount).toBeLessThan(100_000);   // waiting: guest time skipped, few instructions run
    m.pressKey('x');
    let stop = m.run({ maxInstructions: 2_000_000 });
    for (let k = 0; k < 10 && stop.kind === 'slice'; k++) stop = m.run({ maxInstructions: 2_000_000 });
    expect(stop).toEqual({ kind: 'hlt' });
    expect(m.serialOutput()).toBe('x');
    expect(m.screenText()).toBe('x');
  });
});

describe('machine state', () => {
  it('saves and restores the x87/SSE registers with the rest; reset clears them', () => {
    const a = createMachine({ diskImage: bootSector('cli\nhlt'), memorySize: 8 << 20 });
    a.cpu.fpu.xmm.set([1, 2, 3], 16 * 3);
    a.cpu.fpu.st[2] = 2.5;
    a.cpu.fpu.tag[2] = 0;
    a.cpu.fpu.top = 5;
    a.cpu.fpu.mxcsr = 0x3f80;
    const b = createMachine({ diskImage: bootSector('cli\nhlt'), memorySize: 8 << 20 });
    b.restoreState(a.saveState());
    expect(Array.from(b.cpu.fpu.xmm.subarray(48, 51))).toEqual([1, 2, 3]);
    expect([b.cpu.fpu.st[2], b.cpu.fpu.tag[2], b.cpu.fpu.top, b.cpu.fpu.mxcsr]).toEqual([2.5, 0, 5, 0x3f80]);
    b.cpu.reset();
    expect(b.cpu.fpu.xmm.every((x) => x === 0)).toBe(true);
    expect([b.cpu.fpu.top, b.cpu.fpu.mxcsr, b.cpu.fpu.tag[2]]).toEqual([0, 0x1f80, 3]);
  });

  const counter = bootSector(`
      xor ax, ax
      mov ds, ax
      mov ax, 0xb800
      mov es, ax
      xor ecx, ecx
    .l:
      inc ecx
      mov eax, ecx
      and eax, 0x3ff
      mov [es:0], al
      jmp .l`);

  it('save and restore give the same continuation (determinism)', () => {
    const a = createMachine({ diskImage: counter, memorySize: 8 << 20 });
    a.run({ maxInstructions: 123_457 });
    const saved = a.saveState();
    a.run({ maxInstructions: 200_000 });
    const ecx = a.cpu.regs[2], rip = a.cpu.rip, now = a.cpu.nowNs;
    const b = createMachine({ diskImage: counter, memorySize: 8 << 20 });
    b.restoreState(saved);
    b.run({ maxInstructions: 200_000 });
    expect([b.cpu.regs[2], b.cpu.rip, b.cpu.nowNs]).toEqual([ecx, rip, now]);
    expect(b.mem.ram[0xb8000]).toBe(a.mem.ram[0xb8000]);
  });

  it('save and restore carry the devices too (PIT schedule, PIC state)', () => {
    const ticks = bootSector(`
      cli
      xor ax, ax
      mov ds, ax
      mov word [0x08*4], tick
      mov word [0x08*4+2], 0
      sti
    .wait:
      hlt
      cmp byte [count], 5
      jb .wait
      mov al, 2
      out 0xf4, al
    tick:
      inc byte [count]
      mov dx, 0x3f8
      mov al, [count]
      add al, '0'
      out dx, al
      mov al, 0x20
      out 0x20, al
      iret
    count: db 0`);
    const a = createMachine({ diskImage: ticks, memorySize: 8 << 20 });
    while (!a.serialOutput().includes('2')) a.run({ maxInstructions: 10_000_000 });
    const saved = a.saveState();
    const before = a.serialOutput().length;
    expect(a.run({ maxInstructions: 1_000_000_000 })).toEqual({ kind: 'debug-exit', code: 2 });
    const b = createMachine({ diskImage: ticks, memorySize: 8 << 20 });
    b.restoreState(saved);
    expect(b.run({ maxInstructions: 1_000_000_000 })).toEqual({ kind: 'debug-exit', code: 2 });
    expect(b.serialOutput()).toBe(a.serialOutput().slice(before));
    expect(b.cpu.nowNs).toBe(a.cpu.nowNs);
    expect(b.cpu.icount).toBe(a.cpu.icount);
  });

  it('the same image gives the same trace in one run or in many slices', () => {
    const a = createMachine({ diskImage: counter, memorySize: 8 << 20 });
    a.run({ maxInstructions: 300_000 });
    const b = createMachine({ diskImage: counter, memorySize: 8 << 20 });
    for (let k = 0; k < 30; k++) b.run({ maxInstructions: 10_000 });
    expect(b.cpu.regs[2]).toBe(a.cpu.regs[2]);
    expect(b.cpu.icount).toBe(a.cpu.icount);
  });
});
