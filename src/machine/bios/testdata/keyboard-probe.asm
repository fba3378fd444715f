; Keyboard probe: announces "ready" on COM1, then reads 15 keys through int 16h AH=10h and
; prints each (scan code, character) word, then the shift flags, then exits through
; isa-debug-exit. The test types the same keys into QEMU (monitor sendkey) and into Bootlab.
%include "inc/serial.inc"
bits 16
org 0x7c00
  xor ax, ax
  mov ds, ax
  mov ss, ax
  mov sp, 0x7c00
  sti
  mov si, ready
  call puts
  mov bp, 15
.key:
  mov ah, 0x10
  int 0x16
  call hex16
  dec bp
  jnz .key
  mov ah, 0x02
  int 0x16
  mov ah, 0
  call hex16
  mov al, 10
  call putc
  mov dx, 0xf4
  mov al, 0x10
  out dx, al
  cli
  hlt

SERIAL_PUTS

SERIAL_PUTC dx

hex16:
  push cx
  HEX16_DIGITS
  pop cx
  ret

ready: db "ready", 10, 0
times 510-($-$$) db 0
dw 0xaa55
