; stage 2: E820 memory map, unreal mode copy, then pmode
[bits 16]
[org 0x8000]
%define E820_MAGIC 0x534D4150
%define MMAP_BUF 0x5000

struc e820_entry
    .base:   resq 1
    .length: resq 1
    .type:   resd 1
    .acpi:   resd 1
endstruc

stage2:
    mov [boot_drive], dl
    call do_e820
    jc .no_mmap
    mov [mmap_count], bp
.no_mmap:
    call enable_a20_fast
    jmp enter_pmode

do_e820:
    mov di, MMAP_BUF
    xor ebx, ebx
    xor bp, bp
    mov edx, E820_MAGIC
    mov eax, 0xe820
    mov [es:di + e820_entry.acpi], dword 1
    mov ecx, e820_entry_size
    int 0x15
    jc short .failed
    mov edx, E820_MAGIC
    cmp eax, edx
    jne short .failed
    test ebx, ebx
    je short .failed
    jmp short .jmpin
.e820lp:
    mov eax, 0xe820
    mov [es:di + 20], dword 1
    mov ecx, 24
    int 0x15
    jc short .e820f
    mov edx, E820_MAGIC
.jmpin:
    jcxz .skipent
    cmp cl, 20
    jbe short .notext
    test byte [es:di + 20], 1
    je short .skipent
.notext:
    mov ecx, [es:di + 8]
    or ecx, [es:di + 12]
    jz .skipent
    inc bp
    add di, 24
.skipent:
    test ebx, ebx
    jne short .e820lp
.e820f:
    clc
    ret
.failed:
    stc
    ret

enable_a20_fast:
    in al, 0x92
    test al, 2
    jnz .done
    or al, 2
    and al, 0xFE
    out 0x92, al
.done:
    ret

enter_pmode:
    cli
    lgdt [gdt_desc]
    mov eax, cr0
    or al, 1
    mov cr0, eax
    jmp dword 0x08:pm32

[bits 32]
pm32:
    mov eax, 0x10
    mov ds, eax
    mov es, eax
    mov ss, eax
    mov esp, 0x90000
    movzx ecx, word [mmap_count]
    mov esi, MMAP_BUF
    xor edx, edx
.sum:
    jecxz .summed
    cmp dword [esi + e820_entry.type], 1
    jne .next
    add edx, [esi + e820_entry.length]
.next:
    add esi, e820_entry_size
    dec ecx
    jmp .sum
.summed:
    mov [total_mem], edx
    cli
    hlt

gdt:
    dq 0
    dw 0xFFFF, 0x0000
    db 0x00, 10011010b, 11001111b, 0x00
    dw 0xFFFF, 0x0000
    db 0x00, 10010010b, 11001111b, 0x00
gdt_end:
gdt_desc:
    dw gdt_end - gdt - 1
    dd gdt

boot_drive: db 0
mmap_count: dw 0
total_mem:  dd 0
    times 2048 - ($ - $$) db 0
