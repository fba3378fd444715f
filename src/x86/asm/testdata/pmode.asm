; Switch from real mode to 32-bit protected mode through a flat GDT, then write to VGA memory.
[org 0x7c00]
[bits 16]

CODE_SEG equ gdt_code - gdt_start
DATA_SEG equ gdt_data - gdt_start

boot:
    mov [BOOT_DRIVE], dl
    mov bp, 0x9000
    mov sp, bp

    ; enable A20 through the fast gate
    in al, 0x92
    or al, 2
    out 0x92, al

    cli
    lgdt [gdt_descriptor]
    mov eax, cr0
    or eax, 0x1
    mov cr0, eax
    jmp CODE_SEG:init_pm

gdt_start:
gdt_null:
    dd 0x0
    dd 0x0
gdt_code:
    dw 0xffff       ; limit 0-15
    dw 0x0          ; base 0-15
    db 0x0          ; base 16-23
    db 10011010b    ; access
    db 11001111b    ; flags + limit 16-19
    db 0x0          ; base 24-31
gdt_data:
    dw 0xffff
    dw 0x0
    db 0x0
    db 10010010b
    db 11001111b
    db 0x0
gdt_end:

gdt_descriptor:
    dw gdt_end - gdt_start - 1
    dd gdt_start

[bits 32]
init_pm:
    mov ax, DATA_SEG
    mov ds, ax
    mov ss, ax
    mov es, ax
    mov fs, ax
    mov gs, ax
    mov ebp, 0x90000
    mov esp, ebp

    mov ebx, MSG_PROT_MODE
    call print_string_pm
    jmp $

VIDEO_MEMORY equ 0xb8000
WHITE_ON_BLACK equ 0x0f

print_string_pm:
    pusha
    mov edx, VIDEO_MEMORY
.loop:
    mov al, [ebx]
    mov ah, WHITE_ON_BLACK
    cmp al, 0
    je .done
    mov [edx], ax
    add ebx, 1
    add edx, 2
    jmp .loop
.done:
    popa
    ret

BOOT_DRIVE db 0
MSG_PROT_MODE db "Landed in 32-bit Protected Mode", 0

times 510 - ($ - $$) db 0
dw 0xaa55
