bits 16
org 0
; loaded at 07C0:0000 by some BIOSes, 0000:7C00 by others -- normalise
    jmp 0x07C0:start
start:
    mov ax, cs
    mov ds, ax
    ; far return trick to reach relocated code
    push word 0x2000
    push word relocated
    retf
relocated:
    push 0x1000
    push .after
    retf
.after:
    push dword 0x12345678
    push word -1
    push byte -2
    pushf
    pushfd
    popfd
    popf
    push cs
    pop ds
    push es
    push fs
    push gs
    pop gs
    pop fs
    pop es
    call far [farptr]
    call 0x1234:0x5678
    jmp far [farptr]
    jmp word far [farptr]
    call dword far [farptr32]
    jmp dword 0x08:0x12345
    jmp 0x08:dword pm_entry
    retf 4
    retn
    ret 2
    iret
    iretd
    lcall_like:
    db 0x9a
    dw 0x1111, 0x2222
    o32 retf
    int3
    int 3
    into
    int1
    icebp
farptr: dw relocated, 0x07C0
farptr32: dd 0x100000
    dw 0x08
pm_entry:
