; A small BIOS bootloader for a flat 64-bit kernel linked at 0x200000: EDD reads to 0x10000,
; A20, GDT, PAE paging (first 1 GiB by 2 MiB pages), long mode, copy to 0x200000, jump.
%ifndef ENTRY
%error define ENTRY (the kernel's _start)
%endif
%define KSECTORS ((ksize + 511) / 512)
bits 16
org 0x7c00
  cli
  xor ax, ax
  mov ds, ax
  mov es, ax
  mov ss, ax
  mov sp, 0x7c00
  mov [drive], dl
  mov ah, 0x41
  mov bx, 0x55aa
  int 0x13
  jc .noedd
  mov si, dap
  mov ah, 0x42
  mov dl, [drive]
  int 0x13
  jc .noedd
  in al, 0x92
  or al, 2
  out 0x92, al
  lgdt [gdtr]
  mov eax, cr0
  or al, 1
  mov cr0, eax
  jmp 0x08:pm
.noedd:
  mov ax, 0x0e45
  int 0x10
  hlt
bits 32
pm:
  mov ax, 0x10
  mov ds, ax
  mov es, ax
  mov ss, ax
  mov edi, 0x70000
  mov ecx, 0x3000/4
  xor eax, eax
  rep stosd
  mov dword [0x70000], 0x71003
  mov dword [0x71000], 0x72003
  mov edi, 0x72000
  mov eax, 0x83
  mov ecx, 512
.pd:
  mov [edi], eax
  add eax, 0x200000
  add edi, 8
  loop .pd
  mov eax, cr4
  or eax, 0x20
  mov cr4, eax
  mov eax, 0x70000
  mov cr3, eax
  mov ecx, 0xc0000080
  rdmsr
  or eax, 0x900
  wrmsr
  mov eax, cr0
  or eax, 0x80010000
  mov cr0, eax
  jmp 0x18:lm
bits 64
lm:
  mov ax, 0x10
  mov ds, ax
  mov es, ax
  mov ss, ax
  mov rsi, 0x10000
  mov rdi, 0x200000
  mov rcx, (KSECTORS * 512) / 8
  cld
  rep movsq
  mov rsp, 0x400000
  mov rax, ENTRY
  call rax
  hlt
align 8
gdt: dq 0, 0x00cf9a000000ffff, 0x00cf92000000ffff, 0x00af9a000000ffff
gdtr: dw 31
  dd gdt
dap: db 16, 0
  dw KSECTORS
  dw 0, 0x1000
  dq 1
drive: db 0
times 510-($-$$) db 0
dw 0xaa55
kernel: incbin "kernel.bin"
ksize equ $ - kernel
times (512 - ($ - $$) % 512) % 512 db 0
