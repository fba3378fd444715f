[BITS 16]
[ORG 0x7C00]
    jmp 0x0000:entry
entry:
    xor ax, ax
    mov ds, ax
    mov es, ax
    mov ss, ax
    mov sp, 0x7BF0
    cld
    mov [drive], dl
    ; check extensions
    mov ah, 0x41
    mov bx, 0x55AA
    int 0x13
    jc no_ext
    cmp bx, 0xAA55
    jne no_ext
    mov si, dap
    mov ah, 0x42
    mov dl, [drive]
    int 0x13
    jc disk_err
    ; enable A20 fast
    in al, 0x92
    or al, 2
    and al, ~1
    out 0x92, al
    ; unreal mode
    cli
    push ds
    lgdt [gdtr]
    mov eax, cr0
    or al, 1
    mov cr0, eax
    jmp $+2
    mov bx, 0x10
    mov ds, bx
    and al, 0xFE
    mov cr0, eax
    pop ds
    sti
    mov esi, 0x8000
    mov edi, 0x100000
    mov ecx, 512/4
    a32 rep movsd
    mov eax, [dword 0x100000]
    mov word [es:di], 0x0f41
    push dword 0x12345678
    pop ecx
    mov edi, 0xb8000 >> 4
    mov es, di
    xor di, di
    mov ax, 0x1f20
    mov cx, 80*25
    rep stosw
    cli
    lgdt [gdtr]
    mov eax, cr0
    or eax, 1
    mov cr0, eax
    jmp dword 0x08:pm_entry
no_ext:
disk_err:
    mov al, 'E'
    mov ah, 0x0E
    int 0x10
.hang: hlt
    jmp short .hang
[BITS 32]
pm_entry:
    mov ax, 0x10
    mov ds, ax
    mov esp, 0x90000
    mov eax, [esp+4]
    mov byte [0xb8000 + 2*(80*1+5)], 'P'
    lea ebx, [eax+ecx*8-12]
    imul edx, [ebx+4], 100
    shrd eax, edx, 4
    bt dword [ebx], 3
    setc al
    movzx eax, al
    cmovc ebx, ecx
    jmp $
align 8
gdt:
    dq 0
    dq 0x00CF9A000000FFFF
    dq 0x00CF92000000FFFF
gdtr:
    dw gdtr - gdt - 1
    dd gdt
dap:
    db 0x10, 0
    dw 16
    dw 0x8000, 0
    dq 1
drive: db 0
    times 446-($-$$) db 0
    db 0x80, 0, 1, 0, 0x83, 0xfe, 0xff, 0xff
    dd 1, 2047
    times 510-($-$$) db 0
    dw 0xAA55
