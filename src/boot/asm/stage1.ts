// Stage 1: the master boot record. The BIOS loads it at 0x7c00 with the boot drive in DL.
// After a short jump over the space a BIOS may fill with a parameter block, it sets up
// segments and a stack, sets text mode 3 (which clears the screen, so QEMU's SeaBIOS banner
// and Bootlab's empty screen start out alike), checks for int 13h extensions and reads
// stage 2 (the sectors right after it) to 0x7e00 with one AH=42h packet read.
// Its error path (fail16) writes a message straight into VGA memory; stage 2 reuses it.
// Bytes 446-509 hold one partition entry (bootable, covering the rest of the image, as
// images made with bootloader 0.9 have one), then the 0x55 0xAA signature.

import { asmString, BOOT_MESSAGES } from './messages.ts';

export const stage1Asm = `
; ================= stage 1: master boot record (0x7c00) =================
bits 16
org 0x7c00
stage1:
    jmp short .code
    nop
    ; Room for a BIOS parameter block: some BIOSes write one into the sector they loaded when
    ; they boot a USB stick, so no code may live in bytes 3-89.
    times 90 - ($ - $$) db 0
.code:
    cli
    xor ax, ax
    mov ds, ax
    mov es, ax
    mov ss, ax
    mov sp, 0x7c00
    jmp 0x0000:.flat_cs            ; some BIOSes jump to 07c0:0000; make CS 0
.flat_cs:
    sti
    cld
    mov [boot_drive], dl
    mov ax, 0x0003                 ; 80x25 colour text mode; clears the screen
    int 0x10

    mov ah, 0x41                   ; int 13h extensions present?
    mov bx, 0x55aa
    mov dl, [boot_drive]
    int 0x13
    jc .no_extensions
    cmp bx, 0xaa55
    jne .no_extensions
    test cl, 1                     ; bit 0: packet (AH=42h) access
    jz .no_extensions

    mov si, stage2_packet
    mov ah, 0x42
    mov dl, [boot_drive]
    int 0x13
    jc .read_failed
    jmp stage2_start

.no_extensions:
    mov si, msg_no_extensions
    jmp fail16
.read_failed:
    mov si, msg_stage2_read

; Shows "Boot error: <message at DS:SI>" on row 0, "System halted." on row 2, and halts.
fail16:
    push word 0xb800
    pop es
    xor di, di
    push si
    mov si, msg_error_prefix
    call puts16
    pop si
    call puts16
    mov di, 2 * 160
    mov si, msg_halted
    call puts16
.halt:
    cli
    hlt
    jmp .halt

; Copies the zero-terminated string at DS:SI to the screen at ES:DI (attribute 0x0c).
puts16:
    lodsb
    test al, al
    jz .done
    mov ah, 0x0c
    stosw
    jmp puts16
.done:
    ret

align 4
stage2_packet:                     ; disk address packet for stage 2
    db 16, 0
    dw STAGE2_SECTORS
    dw 0x7e00, 0x0000              ; offset, segment
    dq 1                           ; first sector after the MBR
boot_drive: db 0x80

msg_error_prefix:  db ${asmString(BOOT_MESSAGES.prefix)}, 0
msg_halted:        db ${asmString(BOOT_MESSAGES.halted)}, 0
msg_no_extensions: db ${asmString(BOOT_MESSAGES.noExtensions)}, 0
msg_stage2_read:   db ${asmString(BOOT_MESSAGES.stage2Read)}, 0

    times 446 - ($ - $$) db 0      ; (a negative count here means stage 1 grew too big)
partition_table:
    db 0x80                        ; bootable
    chs_of 1                       ; first sector of the partition
    db 0xda                        ; type: non-filesystem data
    chs_of TOTAL_SECTORS - 1
    dd 1                           ; first LBA
    dd TOTAL_SECTORS - 1           ; sectors
    times 3 * 16 db 0              ; three unused entries
    dw 0xaa55
`;

/**
 * A macro that writes the 3-byte CHS address of an LBA for the partition table, with the
 * 255-head, 63-sector geometry that large-disk BIOSes translate to.
 */
export const chsMacroAsm = `
%macro chs_of 1
    db ((%1) / 63) % 255                                  ; head
    db (((%1) % 63) + 1) | ((((%1) / (63 * 255)) >> 2) & 0xc0) ; sector, cylinder bits 8-9
    db ((%1) / (63 * 255)) & 0xff                         ; cylinder bits 0-7
%endmacro
`;
