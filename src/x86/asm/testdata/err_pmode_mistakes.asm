bits 16
org 0x7c00
    cli
    lgdt [gdt_desc]
    mov eax, cr0
    or eax, 1
    mov cr0, eax
    jmp 08h:pmode
bits 32
pmode:
    mov ax, 10h
    mov ds, ax
    mov ss, 0x10          ; can't move immediate to segment register
    mov esp, 0x90000
    mov byte [0xb8000], 'A', 0x0f
    push byte [esp]
    mov [edi], [esi]      ; memory to memory
    mov eax, [ebx+ecx+edx]
    mov eax, [ebx*3+ecx]
    lea eax, ebx
    out 0x3f8, al         ; port too big for imm8
    hlt
gdt_desc:
    dw 0
    dd 0
