; 32-bit paging: identity map 4 MiB + higher half at 0xC0000000
bits 32
KERNEL_VIRTUAL_BASE equ 0xC0000000
KERNEL_PAGE_NUMBER  equ (KERNEL_VIRTUAL_BASE >> 22)
org 0x100000

section .text
loader:
    mov ecx, (boot_page_directory - KERNEL_VIRTUAL_BASE)
    mov cr3, ecx
    mov ecx, cr4
    or ecx, 0x00000010          ; PSE
    mov cr4, ecx
    mov ecx, cr0
    or ecx, 0x80000000
    mov cr0, ecx
    lea ecx, [start_in_higher_half]
    jmp ecx

start_in_higher_half:
    mov dword [boot_page_directory], 0
    invlpg [0]
    mov esp, stack + 0x4000
    ; build page tables by loop
    mov edi, page_table1
    mov eax, 0x003
    mov ecx, 1024
.fill:
    stosd
    add eax, 0x1000
    loop .fill
    mov eax, page_table1
    or eax, 3
    mov [page_directory + 0*4], eax
    mov [page_directory + (KERNEL_VIRTUAL_BASE >> 22)*4], eax
    mov eax, page_directory
    or eax, 3
    mov [page_directory + 1023*4], eax   ; recursive mapping
    mov eax, page_directory
    mov cr3, eax
    mov eax, cr3
    mov cr3, eax
    hlt

section .data
align 0x1000
boot_page_directory:
    dd 0x00000083
    times (KERNEL_PAGE_NUMBER - 1) dd 0
    dd 0x00000083
    times (1024 - KERNEL_PAGE_NUMBER - 1) dd 0

section .bss
alignb 4096
page_directory: resd 1024
page_table1: resd 1024
stack: resb 0x4000
