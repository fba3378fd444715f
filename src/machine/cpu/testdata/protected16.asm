; 16-bit protected mode (a 286-style code segment with D = 0): 16-bit interrupt gates (type 6)
; and iret, 16-bit far calls between two code segments, a data segment with a base, and
; sysenter/sysexit from 32-bit code (SEP). Prints on COM1.
%include "inc/boot.inc"
bits 16
org 0x7c00
  REAL_START
  lgdt [gdtr]
  lidt [idtr]
  ; IDT (16-bit gates) at 0x6000: vector 0x30 -> handler (selector 0x08)
  mov word [0x6000 + 0x30*8], handler
  mov word [0x6000 + 0x30*8 + 2], 0x08
  mov word [0x6000 + 0x30*8 + 4], 0x8600
  mov word [0x6000 + 0x30*8 + 6], 0
  SET_PE_JMP pm16
pm16:
  mov ax, 0x10
  mov ds, ax
  mov ss, ax
  mov sp, 0x7000
  mov dx, 0x3f8
  mov al, 'P'
  out dx, al
  int 0x30
  mov ax, 0x18                ; data segment with base 0x20000
  mov es, ax
  mov byte [es:0x10], 'E'
  mov al, [dword 0x20010]
  out dx, al
  call 0x20:far16             ; another 16-bit code segment, base 0
  out dx, al
  ; to 32-bit code, then sysenter/sysexit
  jmp dword 0x28:pm32
handler:
  mov al, 'I'
  out dx, al
  iret
far16:
  mov al, 'F'
  retf

bits 32
pm32:
  mov ax, 0x10
  mov ds, ax
  mov ss, ax
  mov esp, 0x90000
  ; SYSENTER_CS = 0x28 (code32), SS = 0x30; sysexit: CS = 0x38|3, SS = 0x40|3
  mov ecx, 0x174
  mov eax, 0x28
  xor edx, edx
  wrmsr
  mov ecx, 0x175
  mov eax, 0x8f000
  wrmsr
  mov ecx, 0x176
  mov eax, kernel_entry
  wrmsr
  mov ecx, 0x80000             ; user esp
  mov edx, user                ; user eip
  sysexit
user:
  mov ax, cs
  and al, 3
  add al, '0'
  mov bl, al
  sysenter
kernel_entry:
  mov dx, 0x3f8
  mov al, bl
  out dx, al                   ; '3'
  mov eax, esp
  cmp eax, 0x8f000
  mov al, 'K'
  je .k
  mov al, 'k'
.k:
  out dx, al
  mov ax, cs
  add al, '0' - 0x28
  out dx, al                   ; '0'
  mov al, 0x10
  out 0xf4, al
  hlt

align 8
gdt:
  dq 0
  dq 0x00009a000000ffff        ; 0x08 16-bit code
  dq 0x00cf92000000ffff        ; 0x10 data (4 GiB)
  dq 0x000092020000ffff        ; 0x18 16-bit data, base 0x20000
  dq 0x00009a000000ffff        ; 0x20 16-bit code (second)
  dq 0x00cf9a000000ffff        ; 0x28 code32 (SYSENTER_CS)
  dq 0x00cf92000000ffff        ; 0x30 data (SYSENTER_CS + 8)
  dq 0x00cffa000000ffff        ; 0x38 user code32 (+16)
  dq 0x00cff2000000ffff        ; 0x40 user data (+24)
  GDTR
idtr: dw 0x7ff
  dd 0x6000
BOOT_SIGNATURE
