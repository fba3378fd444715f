; A first stage that loads a second stage with extended disk reads and jumps to it;
; hex printing, an error path, and the second stage placed after the boot signature.
        bits 16
        org 0x7c00

STAGE2_SEGMENT equ 0x0000
STAGE2_OFFSET  equ 0x7e00
STAGE2_SECTORS equ (stage2_end - stage2_start + 511) / 512

%include "disk.inc"

stage1:
        jmp 0:.flush                ; normalise cs:ip
.flush:
        xor ax, ax
        mov ds, ax
        mov es, ax
        mov ss, ax
        mov sp, stage1
        mov [boot_drive], dl

        mov ah, 0x41                ; extensions present?
        mov bx, 0x55aa
        int 0x13
        jc no_ext
        cmp bx, 0xaa55
        jne no_ext

        bios_read 1, STAGE2_SECTORS, STAGE2_OFFSET
        mov ax, STAGE2_SECTORS
        call print_hex16
        jmp STAGE2_SEGMENT:STAGE2_OFFSET

no_ext:
        mov si, msg_noext
        jmp fail
disk_error:
        mov si, msg_disk
fail:
        call puts
.stop:  cli
        hlt
        jmp .stop

puts:
        lodsb
        or al, al
        jz .done
        mov ah, 0x0e
        int 0x10
        jmp puts
.done:  ret

; ax -> four hex digits
print_hex16:
        mov cx, 4
.digit: rol ax, 4
        push ax
        and al, 0x0f
        add al, '0'
        cmp al, '9'
        jbe .out
        add al, 'a' - '9' - 1
.out:   mov ah, 0x0e
        int 0x10
        pop ax
        loop .digit
        ret

disk_packet:
        istruc dap
          at dap.size, db dap_size
          at dap.segment, dw STAGE2_SEGMENT
        iend
boot_drive: db 0
msg_noext:  db "no EDD", 0
msg_disk:   db `disk error\r\n`, 0

        times 446 - ($ - $$) db 0
        ; one partition entry, bootable, then three empty ones
        db 0x80, 0, 2, 0, 0x0c, 0xfe, 0xff, 0xff
        dd 1, 0x10000
        times 3 * 16 db 0
        dw 0xaa55

stage2_start:
        mov si, hello2 - stage2_start + STAGE2_OFFSET
        call puts
        cli
        hlt
hello2: db "stage 2", 0
        align 512, db 0
stage2_end:
