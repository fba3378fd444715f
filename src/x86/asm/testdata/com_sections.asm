; COM-style program with sections
org 0x100
bits 16
section .text
start:
    mov dx, hello
    mov ah, 9
    int 21h
    mov cx, [count]
    mov di, buffer
    mov al, '*'
    rep stosb
    mov word [ptr], buffer
    mov bx, table
    mov al, 3
    xlatb
    mov [result], al
    mov ax, 4c00h
    int 21h

section .data
hello   db 'Hello, world!', 13, 10, '$'
count   dw 64
table   db 0, 1, 4, 9, 16, 25, 36
align 2
ptr     dw 0
words:  dw 1, 2, 3
        dd 0x11223344

section .bss
buffer  resb 64
result  resb 1
alignb 4
dwords  resd 4
qwords  resq 2
