; Real-mode idioms from boot sectors and the switch to protected mode: far jumps with
; explicit sizes, segment overrides, port I/O, a GDT, then 32-bit code.
[ORG 7C00h]
[BITS 16]
        jmp 0:start
start:  jmp dword 0x08:pm_entry
        jmp word 0x08:start
        call 0x07c0:0x0005
        mov ax, 07C0h
        mov bx, 0B800h
        mov es, bx
        mov byte [es:0], 'A'
        mov word [es:2], 0x0741
        mov [var], byte 0
        mov [var], word 7
        mov al, [var + 1]
        lgdt [gdtr]
        mov eax, cr0
        or al, 1
        mov cr0, eax
        cmp byte [var], 0
        jne start
        in al, 0x60
        out 0x64, al
        in al, dx
        out dx, ax
        xchg bx, bx
        int3
        int 3
        int 0x13
        jc .err
        push cs
        pop ds
        push es
        push word 0x1234
        pushf
        popf
        retf
.err:   iret
var:    db 0, 0
gdtr:   dw gdt_end - gdt - 1
        dd gdt
gdt:    dq 0
        dq 0x00cf9a000000ffff
        dq 0x00cf92000000ffff
gdt_end:
[BITS 32]
pm_entry:
        mov ax, 0x10
        mov ds, ax
        mov esp, 0x90000
        mov byte [0xb8000], 'P'
        mov dword [0xb8000], 0x07690748
        movzx eax, byte [esi]
        shl eax, 4
        shr ebx, cl
        sar ecx, 1
        imul eax, ebx, 10
        imul eax, [ebx]
        div ecx
        neg eax
        not eax
        xor eax, eax
        cld
        rep stosd
        rep movsb
        bt eax, 3
        bts dword [ebx], 5
        setz al
        cmovnz eax, ebx
        lock xadd [ebx], eax
        lock cmpxchg [ebx], ecx
        bswap eax
        cpuid
        rdtsc
        hlt
        jmp $
SECTION .data
msg: db 'x'
