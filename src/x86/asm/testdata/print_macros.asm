; macro-heavy real mode printing
bits 16
org 0x7c00

%macro BIOS_PUTC 1
    mov ah, 0x0e
    mov al, %1
    int 0x10
%endmacro

%macro PRINT 1+
    jmp %%skip
%%str: db %1, 0
%%skip:
    push si
    mov si, %%str
    call puts
    pop si
%endmacro

%macro PRINTLN 1+
    PRINT %1, 13, 10
%endmacro

%define NEWLINE 13, 10

%imacro push_all 0
    push ax
    push bx
    push cx
    push dx
%endmacro
%imacro pop_all 0
    pop dx
    pop cx
    pop bx
    pop ax
%endmacro

start:
    xor ax, ax
    mov ds, ax
    PRINTLN "Booting..."
    PRINT "Value: "
    mov ax, 0xBEEF
    call print_hex16
    PRINT NEWLINE
    PUSH_ALL
    BIOS_PUTC '!'
    BIOS_PUTC 0x0d
    Pop_All
    PRINTLN 'done', '.'
    jmp $

puts:
    push ax
.l: lodsb
    or al, al
    jz .e
    mov ah, 0x0e
    int 0x10
    jmp .l
.e: pop ax
    ret

print_hex16:
    push cx
    mov cx, 4
.d: rol ax, 4
    push ax
    and al, 0x0f
    add al, '0'
    cmp al, '9'
    jbe .p
    add al, 'A' - '9' - 1
.p: mov ah, 0x0e
    int 0x10
    pop ax
    loop .d
    pop cx
    ret

times 510 - ($ - $$) db 0
dw 0xaa55
