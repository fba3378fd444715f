; %include through -i inc/ (nasm -i inc/ includes.asm), nested includes, include guards.
        org 0x7c00
%include "bios.inc"
%include "bios.inc"
%include "inc/table.bin.asm"

main:
        bios_putc 'A'
        bios_putc [lookup + 3]
        mov cx, SCREEN_COLS * 25
        mov bl, COLOR_ATTR
        mov dx, SECTOR_SIZE
        jmp main
        times SECTOR_SIZE - 2 - ($ - $$) db 0
        dw 0xaa55
