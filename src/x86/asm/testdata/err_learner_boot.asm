; a learner's first boot sector, with mistakes
org 0x7c00
bits 16
start:
    mov ax, 0
    mov ds, ax
    mov si, mesage          ; typo
    call print
    mov [counter], 0        ; missing size
    inc [counter]           ; missing size
    mov al, si              ; wrong register size
    jmp hang
print:
    lodsb
    cmp al, 0
    je .done
    mov ah, 0x0e
    int 0x10
    jmp print
.done:
    ret
hang:
    jmp hang
message db "Hello", 0
counter dw 0
times 510-($-$$) db 0
dw 0xaa55
