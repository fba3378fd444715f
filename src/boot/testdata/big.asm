; A kernel over 1 MiB with several segments and a large .bss, for
; `nasm -f elf64 -DBLOB=FILE -DBLOB_QWORDS=N -DSUM=S` and ld at 0x200000. It sums its data
; (sum = sum * 31 + qword, over BLOB's N qwords) and compares with S, checks that all of .bss
; is zero and writable at both ends, and reports in light cyan; then halts.
bits 64
default rel
BSS_SIZE equ 12 * 1024 * 1024

section .text
global _start
_start:
    mov rdi, 0xb8000
    lea rsi, [title]
    call puts
    lea rsi, [blob]
    mov rcx, BLOB_QWORDS
    xor eax, eax
.sum:
    imul rax, rax, 31
    add rax, [rsi]
    add rsi, 8
    dec rcx
    jnz .sum
    mov rdx, SUM
    mov rdi, 0xb8000 + 160
    lea rsi, [data_bad]
    cmp rax, rdx
    jne .data_done
    lea rsi, [data_ok]
.data_done:
    call puts
    lea rdi, [big_bss]
    mov rcx, BSS_SIZE / 8
    xor eax, eax
    repe scasq
    lea rsi, [bss_bad]
    jne .bss_done
    mov byte [big_bss], 0x5a
    mov byte [big_bss + BSS_SIZE - 1], 0xa5
    cmp byte [big_bss], 0x5a
    jne .bss_done
    cmp byte [big_bss + BSS_SIZE - 1], 0xa5
    jne .bss_done
    lea rsi, [bss_ok]
.bss_done:
    mov rdi, 0xb8000 + 320
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
title:    db "big kernel", 0
data_ok:  db "data ok", 0
data_bad: db "data BAD", 0
bss_ok:   db "bss ok", 0
bss_bad:  db "bss BAD", 0

section .data
align 8
blob: incbin BLOB

section .bss
alignb 4096
big_bss: resb BSS_SIZE
