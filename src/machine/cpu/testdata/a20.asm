; The A20 gate through port 0x92: with A20 on, 1 MiB and 0 are different bytes; with it off,
; 0x100000 wraps to 0. Reports on COM1 ('D' different, 'S' same).
%include "inc/boot.inc"
bits 16
org 0x7c00
  cli
  xor ax, ax
  mov ds, ax
  mov ax, 0xffff
  mov es, ax
  mov dx, 0x3f8
  in al, 0x92
  or al, 2
  out 0x92, al
  call probe
  in al, 0x92
  and al, ~2
  out 0x92, al
  call probe
  in al, 0x92
  or al, 2
  out 0x92, al
  call probe
  mov al, 1
  out 0xf4, al
probe:
  mov byte [0x0600], 0x11
  mov byte [es:0x0610], 0x22          ; 0xffff:0x0610 = 0x100600
  mov al, [0x0600]
  cmp al, 0x11
  mov al, 'D'
  je .o
  mov al, 'S'
.o:
  mov dx, 0x3f8
  out dx, al
  ret
BOOT_SIGNATURE
