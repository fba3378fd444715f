; 16550 serial debug output with hex printing, 32-bit
bits 32
COM1 equ 0x3F8
%macro OUTB 2
    mov dx, %1
    mov al, %2
    out dx, al
%endmacro

serial_init:
    OUTB COM1 + 1, 0x00
    OUTB COM1 + 3, 0x80
    OUTB COM1 + 0, 0x03
    OUTB COM1 + 1, 0x00
    OUTB COM1 + 3, 0x03
    OUTB COM1 + 2, 0xC7
    OUTB COM1 + 4, 0x0B
    ret

serial_putc:            ; al = char
    push edx
    push eax
    mov dx, COM1 + 5
.wait:
    in al, dx
    test al, 0x20
    jz .wait
    pop eax
    mov dx, COM1
    out dx, al
    pop edx
    ret

serial_hex32:           ; eax = value
    push ecx
    push ebx
    mov ebx, eax
    mov ecx, 8
.digit:
    rol ebx, 4
    mov eax, ebx
    and eax, 0x0F
    mov al, [hexdigits + eax]
    call serial_putc
    loop .digit
    pop ebx
    pop ecx
    ret

serial_hex8:
    push eax
    shr al, 4
    call .nib
    pop eax
    and al, 0x0F
.nib:
    cmp al, 10
    sbb al, 0x69
    das
    jmp serial_putc

hexdigits: db "0123456789ABCDEF"

debug_exit:
    mov dx, 0xf4
    mov eax, [esp+4]
    out dx, eax
    hlt
