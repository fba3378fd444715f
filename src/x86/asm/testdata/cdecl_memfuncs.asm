; cdecl C-callable memory routines
[bits 32]
section .text

global memcpy, memset, memmove, strlen, memcmp, outsw_c

memcpy:
    push esi
    push edi
    mov edi, [esp+12]
    mov esi, [esp+16]
    mov ecx, [esp+20]
    mov eax, edi
    mov edx, ecx
    shr ecx, 2
    rep movsd
    mov ecx, edx
    and ecx, 3
    rep movsb
    pop edi
    pop esi
    ret

memset:
    push edi
    mov edi, [esp+8]
    movzx eax, byte [esp+12]
    mov ecx, [esp+16]
    imul eax, eax, 0x01010101
    mov edx, ecx
    shr ecx, 2
    rep stosd
    mov ecx, edx
    and ecx, 3
    rep stosb
    mov eax, [esp+8]
    pop edi
    ret

memmove:
    push esi
    push edi
    mov edi, [esp+12]
    mov esi, [esp+16]
    mov ecx, [esp+20]
    mov eax, edi
    cmp edi, esi
    jbe .fwd
    lea esi, [esi+ecx-1]
    lea edi, [edi+ecx-1]
    std
    rep movsb
    cld
    jmp .out
.fwd:
    rep movsb
.out:
    pop edi
    pop esi
    ret

strlen:
    mov edx, edi
    mov edi, [esp+4]
    xor eax, eax
    mov ecx, -1
    repne scasb
    not ecx
    dec ecx
    mov eax, ecx
    mov edi, edx
    ret

memcmp:
    push esi
    push edi
    mov esi, [esp+12]
    mov edi, [esp+16]
    mov ecx, [esp+20]
    xor eax, eax
    repe cmpsb
    je .eq
    movzx eax, byte [esi-1]
    movzx edx, byte [edi-1]
    sub eax, edx
.eq:
    pop edi
    pop esi
    ret

outsw_c:
    push esi
    mov dx, word [esp+8]
    mov esi, dword [esp+12]
    mov ecx, dword [esp+16]
    rep outsw
    pop esi
    ret

; uint64_t div64(uint64_t a, uint32_t b)
udiv64:
    push ebx
    mov ebx, [esp+16]
    xor edx, edx
    mov eax, [esp+12]
    div ebx
    mov ecx, eax
    mov eax, [esp+8]
    div ebx
    mov edx, ecx
    pop ebx
    ret

cpuid_vendor:
    push ebx
    push edi
    mov edi, [esp+12]
    xor eax, eax
    cpuid
    mov [edi], ebx
    mov [edi+4], edx
    mov [edi+8], ecx
    mov byte [edi+12], 0
    pop edi
    pop ebx
    ret

read_tsc:
    rdtsc
    ret
read_cr0:
    mov eax, cr0
    ret
write_cr3:
    mov eax, [esp+4]
    mov cr3, eax
    ret
invlpg_c:
    mov eax, [esp+4]
    invlpg [eax]
    ret
flush_gdt:
    mov eax, [esp+4]
    lgdt [eax]
    mov ax, 0x10
    mov ds, ax
    mov es, ax
    mov fs, ax
    mov gs, ax
    mov ss, ax
    jmp 0x08:.flush
.flush:
    ret
flush_tss:
    mov ax, 0x2B
    ltr ax
    ret
