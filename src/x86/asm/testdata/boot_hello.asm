; A classic boot sector: print a string with the BIOS teletype service, then halt.
        org 0x7c00
        bits 16

start:
        cli
        xor ax, ax
        mov ds, ax
        mov es, ax
        mov ss, ax
        mov sp, 0x7c00
        sti
        mov [boot_drive], dl

        mov si, banner
        call print_string
        mov si, second_line
        call print_string

.hang:
        hlt
        jmp short .hang

; si = zero-terminated string
print_string:
        pusha
        mov ah, 0x0e
        mov bx, 0x0007
.next:
        lodsb
        test al, al
        jz .done
        int 0x10
        jmp .next
.done:
        popa
        ret

banner:      db "Hello from the boot sector!", 13, 10, 0
second_line: db 'Drive: ', 0
boot_drive:  db 0

        times 510-($-$$) db 0
        dw 0xaa55
