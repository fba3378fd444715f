; From real mode straight to 64-bit long mode: identity-map the first 2 MiB with 4-level
; page tables built at 0x1000, enable PAE and EFER.LME, turn on paging and protection.
        org 0x7c00
        bits 16

PML4    equ 0x1000
PAGE_PRESENT equ 1 << 0
PAGE_WRITE   equ 1 << 1
PAGE_HUGE    equ 1 << 7
EFER_MSR     equ 0xC0000080

entry:
        cli
        xor ax, ax
        mov ds, ax
        mov es, ax
        mov ss, ax
        mov sp, 0x7c00

        ; clear 4 pages of tables
        mov edi, PML4
        mov cr3, edi
        xor eax, eax
        mov ecx, 4096
        rep stosd
        mov edi, cr3

        ; PML4[0] -> PDPT, PDPT[0] -> PD, PD[0] = 2 MiB page
        mov dword [di], 0x2000 | PAGE_PRESENT | PAGE_WRITE
        add di, 0x1000
        mov dword [di], 0x3000 | PAGE_PRESENT | PAGE_WRITE
        add di, 0x1000
        mov dword [di], 0x0000 | PAGE_PRESENT | PAGE_WRITE | PAGE_HUGE

        ; PAE
        mov eax, cr4
        or eax, 1 << 5
        mov cr4, eax

        ; long mode enable
        mov ecx, EFER_MSR
        rdmsr
        or eax, 1 << 8
        wrmsr

        ; paging + protection at once
        mov eax, cr0
        or eax, (1 << 31) | (1 << 0)
        mov cr0, eax

        lgdt [gdt64.pointer]
        jmp gdt64.code:long_mode

align 8
gdt64:
.null:  equ $ - gdt64
        dq 0
.code:  equ $ - gdt64
        dq (1 << 43) | (1 << 44) | (1 << 47) | (1 << 53)
.data:  equ $ - gdt64
        dq (1 << 41) | (1 << 44) | (1 << 47)
.pointer:
        dw $ - gdt64 - 1
        dq gdt64

        bits 64
long_mode:
        mov ax, gdt64.data
        mov ds, ax
        mov es, ax
        mov ss, ax
        mov rsp, 0x90000

        mov rdi, 0xb8000
        lea rsi, [rel message]
        mov ah, 0x2f
.copy:
        lodsb
        test al, al
        jz .halt
        stosw
        jmp .copy
.halt:
        hlt
        jmp .halt

message: db "64-bit long mode", 0
        times 510-($-$$) db 0
        dw 0xaa55
