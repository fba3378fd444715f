; A small assembly kernel for the linker's oracle tests (nasm -f elf64): code that calls
; across sections, absolute and RIP-relative data references, read-only data, .data and .bss.
bits 64
global _start
global message
extern print_at

section .text
_start:
    lea rsi, [rel message]
    mov edi, 0
    call print_at
    mov rax, [rel counter]
    add rax, 1
    mov [rel counter], rax
    mov qword [scratch], rax        ; R_X86_64_32S
    mov rbx, table                  ; R_X86_64_64
.hang:
    hlt
    jmp .hang

section .text.print
print_at:                           ; rsi = NUL-terminated text, edi = cell index
    mov rdx, 0xb8000
.next:
    lodsb
    test al, al
    jz .done
    mov [rdx + rdi * 2], al
    mov byte [rdx + rdi * 2 + 1], 0x0b
    inc edi
    jmp .next
.done:
    ret

section .rodata
message: db "Hello from our linker!", 0
table:   dq message, _start, print_at

section .data
counter: dq 41

section .bss
scratch: resq 1
stack:   resb 16384
