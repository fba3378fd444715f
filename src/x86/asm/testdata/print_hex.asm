[bits 16]
[org 0x7c00]
KERNEL_OFFSET equ 0x1000

    mov [BOOT_DRIVE], dl
    mov bp, 0x9000
    mov sp, bp
    mov dx, 0x1fb6
    call print_hex
    call print_nl
    mov dx, [0x7c00]
    call print_hex
    jmp $

; prints the value of DX as hex
print_hex:
    pusha
    mov cx, 0
hex_loop:
    cmp cx, 4
    je end
    mov ax, dx
    and ax, 0x000f
    add al, 0x30
    cmp al, 0x39
    jle step2
    add al, 7
step2:
    mov bx, HEX_OUT + 5
    sub bx, cx
    mov [bx], al
    ror dx, 4
    add cx, 1
    jmp hex_loop
end:
    mov bx, HEX_OUT
    call print
    popa
    ret

print:
    pusha
start:
    mov al, [bx]
    cmp al, 0
    je done
    mov ah, 0x0e
    int 0x10
    add bx, 1
    jmp start
done:
    popa
    ret

print_nl:
    pusha
    mov ah, 0x0e
    mov al, 0x0a
    int 0x10
    mov al, 0x0d
    int 0x10
    popa
    ret

HEX_OUT: db '0x0000',0
BOOT_DRIVE db 0

times 510 - ($-$$) db 0
dw 0xaa55
