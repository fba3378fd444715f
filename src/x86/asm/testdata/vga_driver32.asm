; 32-bit VGA text driver, cdecl
bits 32
VGA_BASE  equ 0xB8000
VGA_W     equ 80
VGA_H     equ 25
%define VGA_ENTRY(c, attr) ((attr) << 8 | (c))

section .text
global vga_clear, vga_putc, vga_puts, vga_set_cursor

vga_clear:
    push edi
    mov edi, VGA_BASE
    mov ecx, VGA_W * VGA_H
    mov ax, VGA_ENTRY(' ', 0x07)
    rep stosw
    mov dword [cursor_x], 0
    mov dword [cursor_y], 0
    pop edi
    ret

; void vga_putc(char c)
vga_putc:
    movzx eax, byte [esp + 4]
    cmp al, 10
    je .newline
    cmp al, `\r`
    je .cr
    cmp al, 8
    je .bs
    mov edx, [cursor_y]
    imul edx, edx, VGA_W
    add edx, [cursor_x]
    mov ah, [color]
    mov [VGA_BASE + edx*2], ax
    inc dword [cursor_x]
    cmp dword [cursor_x], VGA_W
    jb .done
.newline:
    mov dword [cursor_x], 0
    inc dword [cursor_y]
    cmp dword [cursor_y], VGA_H
    jb .done
    call scroll
    jmp .done
.cr:
    mov dword [cursor_x], 0
    jmp .done
.bs:
    cmp dword [cursor_x], 0
    je .done
    dec dword [cursor_x]
.done:
    jmp vga_update_cursor

scroll:
    push esi
    push edi
    mov esi, VGA_BASE + VGA_W*2
    mov edi, VGA_BASE
    mov ecx, VGA_W*(VGA_H-1)/2
    rep movsd
    mov ecx, VGA_W/2
    mov eax, (VGA_ENTRY(' ', 0x07) << 16) | VGA_ENTRY(' ', 0x07)
    rep stosd
    mov dword [cursor_y], VGA_H - 1
    pop edi
    pop esi
    ret

vga_puts:
    push esi
    mov esi, [esp + 8]
.l:
    lodsb
    test al, al
    jz .e
    push eax
    call vga_putc
    add esp, 4
    jmp .l
.e:
    pop esi
    ret

vga_update_cursor:
    mov ecx, [cursor_y]
    imul ecx, VGA_W
    add ecx, [cursor_x]
vga_set_cursor:
    mov dx, 0x3D4
    mov al, 0x0F
    out dx, al
    inc dx
    mov al, cl
    out dx, al
    dec dx
    mov al, 0x0E
    out dx, al
    inc dx
    mov al, ch
    out dx, al
    ret

section .data
color:    db 0x0F
align 4
cursor_x: dd 0
cursor_y: dd 0
