// What the bootloader says when it cannot boot, and the 64-bit routines that say it. Every
// failure ends the same way in real mode (fail16, in stage 1) and in long mode (fatal64): the
// screen shows "Boot error: <what went wrong>" on row 0 and "System halted." on row 2, in
// light red, and the CPU halts with interrupts off. The texts are exported to TypeScript too,
// so tests can look for exactly what the guest must print.

export const BOOT_MESSAGES = {
  prefix: 'Boot error: ',
  halted: 'System halted.',
  noExtensions: 'the BIOS has no int 13h extensions for the boot disk',
  stage2Read: 'could not read stage 2 from the boot disk',
  a20: 'could not enable the A20 line',
  noLongMode: 'this CPU has no long mode (x86-64); the kernel needs a 64-bit CPU',
  noMemoryMap: 'the BIOS gave no E820 memory map',
  kernelRead: 'could not read the kernel from the boot disk',
  notElf: 'the kernel is not an ELF file (no 0x7f "ELF" magic)',
  truncatedHeader: 'the kernel ELF file is truncated (incomplete ELF header)',
  elf32: 'the kernel is a 32-bit ELF file; it must be ELF64 for x86-64',
  badClass: 'the kernel ELF file has an invalid class (neither 32- nor 64-bit)',
  bigEndian: 'the kernel ELF file is big-endian; x86-64 is little-endian',
  wrongMachine: 'the kernel ELF file is not for x86-64 (e_machine is not EM_X86_64)',
  notExecutable: 'the kernel ELF file is not an executable (e_type is not ET_EXEC)',
  noSegments: 'the kernel ELF file has no loadable (PT_LOAD) segments',
  badPhentsize: 'the kernel ELF file has program headers of the wrong size',
  headersTruncated: 'the kernel ELF file is truncated (program headers past its end)',
  fileszTooBig: 'a kernel segment has more file bytes than memory bytes',
  dataOutside: 'the kernel ELF file is truncated (segment data past its end)',
  tooLow: 'a kernel segment lies below 1 MiB, where the bootloader lives',
  nonCanonical: 'a kernel segment lies outside the canonical address space',
  overlap: 'the kernel segments overlap (or are not sorted by address)',
  tooMany: 'the kernel has more than 64 loadable segments',
  badEntry: 'the kernel entry point is outside every executable segment',
  noMemory: 'not enough memory above 1 MiB (below 4 GiB) for the kernel',
  outOfTables: 'out of page-table memory while mapping the kernel',
  exception: 'CPU exception during boot, vector 0x',
} as const;

export type BootMessage = keyof typeof BOOT_MESSAGES;

/** NASM string literal: backquoted strings take C escapes, so quotes need no care. */
export function asmString(text: string): string {
  return '`' + text.replace(/\\/g, '\\\\').replace(/`/g, '\\`') + '`';
}

// The labels the assembly uses for each message (msg_<snake_case>); stage 1 defines its own
// (prefix, halted, noExtensions, stage2Read) inside the MBR.
const IN_STAGE1: readonly BootMessage[] = ['prefix', 'halted', 'noExtensions', 'stage2Read'];
const label = (key: string) => 'msg_' + key.replace(/[A-Z]/g, (c) => '_' + c.toLowerCase());

export function messageLabel(key: BootMessage): string {
  return key === 'prefix' ? 'msg_error_prefix' : label(key);
}

export const messagesAsm = `
; ================= long-mode error output and the messages =================
bits 64
; Clears the screen, shows "Boot error: <message at rsi>" and "System halted.", and halts.
fatal64:
    xor edx, edx
    mov r8, 0                      ; no number
    jmp fatal64_common
; The same with rdx printed in hex (two digits) after the message.
fatal64_number:
    mov r8, 1
fatal64_common:
    cli
    mov rdi, 0xb8000
    mov ecx, 80 * 25
    mov eax, 0x0720
    rep stosw
    mov rdi, 0xb8000
    push rsi
    mov rsi, msg_error_prefix
    call puts64
    pop rsi
    call puts64
    test r8, r8
    jz .no_number
    mov rax, rdx
    shr eax, 4
    call .hex_digit
    mov rax, rdx
    call .hex_digit
.no_number:
    mov rdi, 0xb8000 + 2 * 160
    mov rsi, msg_halted
    call puts64
.halt:
    cli
    hlt
    jmp .halt
.hex_digit:
    and eax, 0xf
    mov al, [hex_digits + rax]
    mov ah, 0x0c
    stosw
    ret

; Copies the zero-terminated string at rsi to the screen at rdi (attribute 0x0c).
puts64:
    lodsb
    test al, al
    jz .done
    mov ah, 0x0c
    stosw
    jmp puts64
.done:
    ret

hex_digits: db "0123456789abcdef"
${(Object.keys(BOOT_MESSAGES) as BootMessage[])
  .filter((key) => !IN_STAGE1.includes(key))
  .map((key) => `${messageLabel(key)}: db ${asmString(BOOT_MESSAGES[key])}, 0`)
  .join('\n')}
`;
