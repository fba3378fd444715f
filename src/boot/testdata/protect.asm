; Kernels that break the permissions the bootloader set, for `nasm -f elf64 -DCASE=...`:
; CASE=1 writes to its read-only .rodata, CASE=2 calls code in its non-executable .data.
; Each must end in a page fault (vector 0x0e), which the bootloader's IDT reports on screen.
bits 64
default rel
section .text
global _start
_start:
    mov rdi, 0xb8000
    mov ax, 0x0b00 | 'K'
    stosw
%if CASE == 1
    mov byte [constant], 1
%else
    call data_code
%endif
.halt:
    cli
    hlt
    jmp .halt
section .rodata
constant: db 0
section .data
data_code: ret
