; A small kernel for `ld -static -nostdlib -e _start -Ttext-segment=0x200000`: text, read-only
; strings, writable data and .bss in their own segments. It checks what the bootloader set up
; (its data, .bss zeroed, rdi pointing at the boot information, a 16-byte-aligned stack as
; after a call), shows the results in light cyan, and halts.
bits 64
default rel
section .text
global _start
_start:
    mov r12, rdi
    mov r13, rsp
    mov rdi, 0xb8000
    lea rsi, [hello]
    call puts
    mov rdi, 0xb8000 + 160
    lea rsi, [bad]
    cmp qword [counter], 42
    jne .l1
    lea rsi, [ok]
.l1:
    call puts
    lea rdi, [scratch]              ; .bss is zero
    mov rcx, SCRATCH / 8
    xor eax, eax
    repe scasq
    mov rdi, 0xb8000 + 320
    lea rsi, [bad]
    jne .l2
    lea rsi, [ok]
.l2:
    call puts
    mov rax, 0x3142414c544f4f42     ; boot information: "BOOTLAB1"
    mov rdi, 0xb8000 + 480
    lea rsi, [bad]
    cmp [r12], rax
    jne .l3
    lea rax, [r13 + 8]              ; rsp + 8 is 16-byte aligned at entry
    test al, 15
    jnz .l3
    lea rsi, [ok]
.l3:
    call puts
.halt:
    cli
    hlt
    jmp .halt
puts:
    lodsb
    test al, al
    jz .done
    mov ah, 0x0b
    stosw
    jmp puts
.done:
    ret

section .rodata
hello: db "Hello World!", 0
ok:    db "ok", 0
bad:   db "BAD", 0

section .data
counter: dq 42

SCRATCH equ 0x4000
section .bss
scratch: resb SCRATCH
