; Sections in a flat binary: .text first, then other sections in the order they were
; named (aligned to 4, or more with align=/align), then .bss, which takes no room in the file.
        bits 32
        org 0x100000

section .data
greeting: db "hi", 0
counter:  dd 0

section .text
entry:
        mov esi, greeting
        mov edi, buffer
        mov ecx, buffer_end - buffer
        inc dword [counter]
        mov eax, [table + 4]
        call helper
        ret

section .rodata align=16
table:  dd 1, 2, 3, 4

section .bss
buffer:     resb 64
buffer_end:
scratch:    resd 4

section .text
helper:
        mov eax, table
        mov ebx, scratch
        ret

section .data
more:   db 0xaa
        align 8
eight:  dq eight
