; Unreal mode: load DS with a 4 GiB data descriptor in protected mode, return to real mode,
; reload DS with 0, and access memory above 1 MiB with 32-bit offsets. Reports on COM1.
%include "inc/boot.inc"
bits 16
org 0x7c00
  cli
  xor ax, ax
  mov ds, ax
  lgdt [gdtr]
  mov eax, cr0
  or al, 1
  mov cr0, eax
  mov bx, 0x08
  mov ds, bx
  and al, 0xfe
  mov cr0, eax
  xor ax, ax
  mov ds, ax
  mov dword [dword 0x200000], 0x4f4b4f4b
  mov eax, [dword 0x200000]
  mov dx, 0x3f8
  out dx, al
  mov al, ah
  out dx, al
  mov esi, 0x200000
  mov edi, 0x300000
  mov ecx, 1
  a32 rep movsd
  mov al, [dword 0x300001]
  out dx, al
  mov al, 1
  out 0xf4, al
gdt: dq 0, 0x00cf92000000ffff
gdtr: dw 15
  dd gdt
BOOT_SIGNATURE
