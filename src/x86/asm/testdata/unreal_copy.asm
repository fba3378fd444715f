; unreal mode kernel copy above 1 MiB, with a32 string ops and [dword ...]
bits 16
org 0x7E00
LOAD_SEG    equ 0x1000
KERNEL_DEST equ 0x100000

start:
    cli
    push ds
    push es
    lgdt [gdtinfo]
    mov eax, cr0
    or al, 1
    mov cr0, eax
    jmp short $+2
    mov bx, 0x08
    mov ds, bx
    mov es, bx
    and al, 0xFE
    mov cr0, eax
    pop es
    pop ds
    sti

    xor ax, ax
    mov ds, ax
    mov es, ax
    mov esi, LOAD_SEG << 4
    mov edi, KERNEL_DEST
    mov ecx, (64 * 512) / 4
    cld
    a32 rep movsd
    mov ebx, KERNEL_DEST
    mov eax, [ebx]
    mov [dword KERNEL_DEST + 0x1000], eax
    mov word [ds:dword 0xB8000], 0x0F41
    mov al, [es:esi - 1]
    mov [es:edi + ecx*4], al
    addr32 mov dword [edi], 0
    o32 lodsd
    a32 lodsb
    a32 stosw
    jmp $

gdtinfo:
    dw gdt_end - gdt - 1
    dd gdt
gdt:        dd 0, 0
flatdesc:   db 0xff, 0xff, 0, 0, 0, 10010010b, 11001111b, 0
gdt_end:
