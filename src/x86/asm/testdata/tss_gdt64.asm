; 64-bit GDT with TSS descriptor built at runtime, struc-based
bits 64
default rel
org 0xFFFF800000000000

struc tss64
    .reserved0: resd 1
    .rsp0:      resq 1
    .rsp1:      resq 1
    .rsp2:      resq 1
    .reserved1: resq 1
    .ist1:      resq 1
    .ist2:      resq 1
    .ist3:      resq 1
    .ist4:      resq 1
    .ist5:      resq 1
    .ist6:      resq 1
    .ist7:      resq 1
    .reserved2: resq 1
    .reserved3: resw 1
    .iopb:      resw 1
endstruc

%define SEG_KCODE 0x08
%define SEG_KDATA 0x10
%define SEG_TSS   0x28

init_gdt:
    lea rdi, [tss]
    lea rax, [ist1_stack_top]
    mov [rdi + tss64.ist1], rax
    lea rax, [kstack_top]
    mov [rdi + tss64.rsp0], rax
    mov word [rdi + tss64.iopb], tss64_size
    ; TSS descriptor
    lea rsi, [gdt + SEG_TSS]
    mov rax, rdi
    mov word [rsi], tss64_size - 1
    mov [rsi + 2], ax
    shr rax, 16
    mov [rsi + 4], al
    mov byte [rsi + 5], 0x89
    mov byte [rsi + 6], 0
    mov [rsi + 7], ah
    shr rax, 16
    mov [rsi + 8], eax
    mov dword [rsi + 12], 0
    lgdt [gdtr]
    ; reload CS via far return
    push SEG_KCODE
    lea rax, [.reload]
    push rax
    retfq
.reload:
    mov ax, SEG_KDATA
    mov ds, ax
    mov es, ax
    mov ss, ax
    xor eax, eax
    mov fs, ax
    mov gs, ax
    mov ax, SEG_TSS
    ltr ax
    ; swapgs setup
    mov ecx, 0xC0000102
    lea rax, [percpu]
    mov rdx, rax
    shr rdx, 32
    wrmsr
    ret

align 16
gdt:
    dq 0
    dq 0x00AF9A000000FFFF   ; kernel code
    dq 0x00CF92000000FFFF   ; kernel data
    dq 0x00AFFA000000FFFF   ; user code
    dq 0x00CFF2000000FFFF   ; user data
    dq 0, 0                 ; TSS (16 bytes)
gdt_end:
gdtr:
    dw gdt_end - gdt - 1
    dq gdt

tss: istruc tss64
    at tss64.iopb, dw 0
iend
percpu: dq 0, 0

align 4096
    resb 0      ; nothing
kstack: times 4096 db 0
kstack_top:
ist1_stack: times 1024 db 0
ist1_stack_top:
