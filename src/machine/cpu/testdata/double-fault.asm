; A #GP whose gate is not present becomes #DF (vector 8, error code 0) in 32-bit protected mode.
%include "inc/boot.inc"
bits 16
org 0x7c00
  cli
  xor ax, ax
  mov ds, ax
  ENTER_PM pm
bits 32
pm:
  mov ax, 0x10
  mov ds, ax
  mov ss, ax
  mov esp, 0x90000
  mov eax, df
  mov [0x6000 + 8*8], ax
  mov word [0x6000 + 8*8 + 2], 0x08
  mov word [0x6000 + 8*8 + 4], 0x8e00
  shr eax, 16
  mov [0x6000 + 8*8 + 6], ax
  mov word [0x6000 + 13*8 + 4], 0x0e00   ; #GP gate not present
  lidt [idtr]
  mov ax, 0x1234
  mov es, ax
  hlt
df:
  mov dx, 0x3f8
  mov al, 'D'
  out dx, al
  pop eax
  add al, '0'
  out dx, al
  mov al, 4
  out 0xf4, al
align 8
gdt: dq 0, 0x00cf9a000000ffff, 0x00cf92000000ffff
gdtr: dw 23
  dd gdt
idtr: dw 0x7ff
  dd 0x6000
BOOT_SIGNATURE
