; A triple fault: int3 with a zero-limit IDT in real mode. QEMU with -no-reboot stops; so does
; Bootlab (StopReason triple-fault). Prints 'x' first.
%include "inc/boot.inc"
bits 16
org 0x7c00
  cli
  xor ax, ax
  mov ds, ax
  mov dx, 0x3f8
  mov al, 'x'
  out dx, al
  lidt [idtr]
  int3
  mov al, 'y'
  out dx, al
  hlt
idtr: dw 0
  dd 0
BOOT_SIGNATURE
