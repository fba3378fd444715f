bits 16
org 0x7c00

%define SECTORS_PER_TRACK 18
%define HEADS 2
STAGE2_SEG equ 0x0800
STAGE2_SECTORS equ 4

start:
        cli
        xor ax, ax
        mov ds, ax
        mov es, ax
        mov ss, ax
        mov sp, 0x7c00
        sti
        mov [boot_drive], dl

        ; reset disk
.reset:
        xor ah, ah
        int 0x13
        jc .reset

        mov ax, STAGE2_SEG
        mov es, ax
        xor bx, bx
        mov ax, 1               ; LBA 1
        mov cx, STAGE2_SECTORS
.next:
        push ax
        push cx
        call lba_to_chs
        mov ah, 0x02
        mov al, 1
        mov dl, [boot_drive]
        mov di, 3               ; retries
.retry:
        pusha
        int 0x13
        jnc .ok
        popa
        dec di
        jnz .retry
        jmp disk_error
.ok:
        popa
        add bx, 512
        pop cx
        pop ax
        inc ax
        loop .next

        mov dl, [boot_drive]
        jmp STAGE2_SEG:0000h

; ax = LBA -> ch cylinder, cl sector, dh head
lba_to_chs:
        xor dx, dx
        mov si, SECTORS_PER_TRACK
        div si
        inc dl
        mov cl, dl
        xor dx, dx
        mov si, HEADS
        div si
        mov dh, dl
        mov ch, al
        shl ah, 6
        or cl, ah
        ret

disk_error:
        mov si, msg_err
.print:
        lodsb
        or al, al
        jz .hang
        mov ah, 0x0E
        mov bh, 0
        int 0x10
        jmp short .print
.hang:
        cli
        hlt
        jmp .hang

msg_err db "Disk read error!", 13, 10, 0
boot_drive db 0

        times 446-($-$$) db 0
        ; partition table
        db 0x80, 0, 2, 0, 0x0c, 0xfe, 0xff, 0xff
        dd 1, 2879
        times 3 dq 0, 0
        dw 0xAA55
