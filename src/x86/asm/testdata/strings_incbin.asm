%include "screen.inc"
org 0x7c00
bits 16
    jmp 0:main
main:
    push VIDEO_SEG
    pop es
    mov di, SCREEN_OFFSET(12, 30)
    mov si, banner
    mov ah, ATTR_NORMAL
.l: lodsb
    or al, al
    jz .d
    stosw
    jmp short .l
.d:
    mov byte [es:SCREEN_OFFSET(0, 0)], 'X'
    mov byte [es:SCREEN_OFFSET(0, 0)+1], ATTR_ERR
    mov al, LOW(0x1234)
    mov ah, HIGH(0x1234)
    mov cx, font_end - font
    mov si, font
    mov bx, 'ab'
    mov ecx, 'abcd'
    cmp al, `\n`
    cmp ax, `\x41\x42`
    jmp $

banner: db "It's 'quoted'", 0
s2:     db "tab\there", 0
s3:     db `C-style:\t\r\n\0\\\'\"\x7f\101\u00e9`, 0
s4:     db 'single', "double", `back`, 0
s5:     dw 'ab', 'abc'
s6:     dd 'abcde'
s7:     dq 'x', `\e[0m`
s8:     db 'multi', 13, 10, 'line', 13, 10, 0
len8    equ $ - s8
s9:     times len8 db '-'
font:   incbin "font.bin"
font_end:
part:   incbin "font.bin", 10, 5
tail:   incbin "font.bin", 30
        times 510-($-$$) db 0
        dw 0xAA55
