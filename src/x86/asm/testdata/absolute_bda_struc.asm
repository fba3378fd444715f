bits 16
org 0x7c00
; BIOS data area via absolute
absolute 0x400
bda_com1:     resw 1
bda_com2:     resw 1
              resw 2
bda_lpt1:     resw 3
bda_ebda_seg: resw 1
absolute 0x500
scratch:      resb 64
scratch_end:

section .text
struc point, -4
    .x: resw 1
    .y: resw 1
endstruc
struc rect
    .tl: resb point_size
    .br: resb point_size
    .color: resb 1
    alignb 2
endstruc
    mov ax, [bda_com1]
    mov bx, [bda_ebda_seg]
    mov di, scratch
    mov cx, scratch_end - scratch
    rep stosb
    mov ax, [bp + point.x]
    mov ax, [bp + point.y]
    mov al, [si + rect.color]
    mov bx, [si + rect.br + point.y]
    mov cx, rect_size
box: istruc rect
    at rect.tl, dw 1, 2
    at rect.br, dw 3, 4
    at rect.color, db 0x1f
iend
    align 16, db 0xCC
    dd 1.5, -0.25
    dq 3.14159
    dw 0x1234
    times 4 dw $ - box
