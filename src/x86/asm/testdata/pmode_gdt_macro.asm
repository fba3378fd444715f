%include "gdt.inc"
%include "gdt.inc"
bits 16
org 0x7c00

CODE_SEG equ gdt_code - gdt_start
DATA_SEG equ gdt_data - gdt_start

start:
    cli
    xor ax, ax
    mov ds, ax
    mov ss, ax
    mov sp, 0x7c00
    in al, 0x92
    or al, 2
    out 0x92, al
    lgdt [gdt_descriptor]
    mov eax, cr0
    or eax, 0x1
    mov cr0, eax
    jmp CODE_SEG:init_pm

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
    mov esi, msg
    mov edi, 0xb8000
    mov ah, 0x0f
.loop:
    lodsb
    test al, al
    jz .done
    stosw
    jmp .loop
.done:
    hlt
    jmp .done

msg db "Protected mode!", 0

align 8
gdt_start:
    dq 0
gdt_code:
    gdt_entry 0, 0xFFFFF, GDT_PRESENT | GDT_RING(0) | GDT_CODEDATA | GDT_EXEC | GDT_RW, GDT_GRAN_4K | GDT_SZ_32
gdt_data:
    gdt_entry 0, 0xFFFFF, GDT_PRESENT | GDT_RING(0) | GDT_CODEDATA | GDT_RW, GDT_GRAN_4K | GDT_SZ_32
gdt_end:

gdt_descriptor:
    dw gdt_end - gdt_start - 1
    dd gdt_start

times 510-($-$$) db 0
dw 0xaa55
