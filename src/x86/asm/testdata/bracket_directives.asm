[bits 16]
[org 0x7c00]
[cpu 386]
[section .text]
start:
    cld
    mov si, msg
    mov cx, msg.len
.next:
    lodsb
    call putc
    loop .next
    mov eax, __LINE__
    mov bx, __BITS__
    mov di, label_15
label_15:
    mov al, [cs:si]
    mov al, [ss:bp+2]
    xchg bx, bx          ; bochs magic breakpoint
    jmp word start
putc:
    mov ah, 0x0E
    int 0x10
    ret
msg: db "boot", 0x0D, 0x0A
.len equ $ - msg
[section .data]
seg_var dw 0
[segment .bss]
buf resb 16
