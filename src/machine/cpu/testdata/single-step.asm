; Single-stepping with TF: a #DB handler counts the instructions it sees and prints the
; interrupted IPs' low bytes; popf sets TF (the trap comes after the instruction following
; popf), and the handler's own iret clears nothing but runs with TF off. Real mode.
%include "inc/boot.inc"
%include "inc/serial.inc"
bits 16
org 0x7c00
  REAL_START
  IVT_SET 1, db_handler
  pushf
  pop ax
  or ax, 0x100
  push ax
  popf                         ; TF on: trap after the next instruction
  mov bx, 1
  add bx, 2
  nop
  pushf
  pop ax
  and ax, ~0x100
  push ax
  popf                         ; TF off after this instruction
  mov al, [count]
  add al, '0'
  call putc
  mov al, 0x10
  out 0xf4, al
db_handler:
  inc byte [count]
  push bp
  mov bp, sp
  mov al, [bp + 2]             ; interrupted IP, low byte
  pop bp
  push ax
  shr al, 4
  call nib
  pop ax
  call nib
  mov al, ' '
  call putc
  iret
SERIAL_NIB dx
count: db 0
BOOT_SIGNATURE
