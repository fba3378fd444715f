// From real mode to long mode: GDT, 32-bit protected mode, the identity map of the first
// 4 GiB with 2 MiB pages (PML4 -> one PDPT -> four page directories), PAE, EFER.LME (and
// EFER.NXE when the CPU has NX), paging with CR0.WP (so read-only kernel pages are read-only
// for the kernel too), SSE enabled (CR4.OSFXSR/OSXMMEXCPT, CR0.MP, not EM: gcc emits SSE for
// ordinary C unless told not to, and x86-64 guarantees SSE2), then a far jump into 64-bit code.
// The 64-bit side installs an IDT whose 32 exception gates print the vector and halt, so a
// fault during boot is a message on the screen, never a triple fault.

export const modeSwitchAsm = `
; ================= real mode -> protected mode -> long mode =================
enter_protected_mode:
    cli
    lgdt [gdt_pointer]
    mov eax, cr0
    or eax, 1
    mov cr0, eax
    jmp CODE32_SEL:protected_mode

bits 32
protected_mode:
    mov ax, DATA_SEL
    mov ds, ax
    mov es, ax
    mov fs, ax
    mov gs, ax
    mov ss, ax
    mov esp, 0x7c00

    mov edi, PAGE_TABLES           ; PML4, PDPT and four directories, zeroed
    mov ecx, 6 * 4096 / 4
    xor eax, eax
    rep stosd
    mov dword [PML4], PDPT0 | 3
    mov edi, PDPT0
    mov eax, PD0 | 3
    mov ecx, 4
.pdpt:
    mov [edi], eax
    add eax, 0x1000
    add edi, 8
    loop .pdpt
    mov edi, PD0                   ; 2048 entries of 2 MiB: present, writable, large
    mov eax, 0x83
    mov ecx, 2048
.pd:
    mov [edi], eax
    add eax, 0x200000
    add edi, 8
    loop .pd

    mov eax, cr4
    or eax, (1 << 5) | (1 << 9) | (1 << 10) ; PAE; OSFXSR and OSXMMEXCPT: SSE usable
    mov cr4, eax
    mov eax, PML4
    mov cr3, eax
    mov ecx, 0xc0000080            ; EFER
    rdmsr
    or eax, 1 << 8                 ; LME
    cmp byte [nx_supported], 0
    je .no_nx
    or eax, 1 << 11                ; NXE
.no_nx:
    wrmsr
    mov eax, cr0
    and eax, ~((1 << 2) | (1 << 29) | (1 << 30)) ; EM off (and MP on): x87/SSE instructions run
                                   ; (every x86-64 CPU has SSE2); NW, CD off: caches on
    or eax, (1 << 31) | (1 << 16) | (1 << 1) ; PG, WP, MP
    mov cr0, eax
    jmp CODE64_SEL:long_mode

bits 64
long_mode:
    mov ax, DATA_SEL
    mov ds, ax
    mov es, ax
    mov ss, ax
    xor eax, eax
    mov fs, ax
    mov gs, ax
    mov rsp, STACK_TOP
    call install_idt
    jmp load_kernel

; 32 interrupt gates, one per exception vector, each to its stub below.
install_idt:
    mov edi, IDT_BASE
    mov eax, exception_stubs
    mov ecx, 32
.gate:
    mov [rdi], ax                  ; offset 0-15
    mov word [rdi + 2], CODE64_SEL
    mov word [rdi + 4], 0x8e00     ; present, DPL 0, 64-bit interrupt gate
    shr eax, 16
    mov [rdi + 6], ax              ; offset 16-31
    shl eax, 16
    mov dword [rdi + 8], 0         ; offset 32-63
    mov dword [rdi + 12], 0
    mov ax, [rdi]
    add eax, 8                     ; stubs are 8 bytes apart
    add rdi, 16
    dec ecx
    jnz .gate
    lidt [idt_pointer]
    ret

align 8
exception_stubs:
%assign vector 0
%rep 32
    push byte vector
    jmp near exception_common
    align 8, db 0xcc
%assign vector vector + 1
%endrep

exception_common:
    pop rax                        ; the vector the stub pushed
    mov rsi, msg_exception
    mov rdx, rax
    jmp fatal64_number

align 8
gdt:
    dq 0
    dq 0x00cf9a000000ffff          ; 0x08: 32-bit code, flat
    dq 0x00cf92000000ffff          ; 0x10: data, flat, 4 GiB
    dq 0x00af9a000000ffff          ; 0x18: 64-bit code
gdt_end:
gdt_pointer:
    dw gdt_end - gdt - 1
    dd gdt
idt_pointer:
    dw 32 * 16 - 1
    dq IDT_BASE
`;
