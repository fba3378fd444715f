; Single-stepping with TF: a #DB handler counts the instructions it sees and prints the
; interrupted IPs' low bytes; popf sets TF (the trap comes after the instruction following
; popf), and the handler's own iret clears nothing but runs with TF off. Real mode.
bits 16
org 0x7c00
  cli
  xor ax, ax
  mov ds, ax
  mov ss, ax
  mov sp, 0x7c00
  mov word [1*4], db_handler
  mov word [1*4+2], 0
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
nib:
  and al, 15
  add al, '0'
  cmp al, '9'
  jbe putc
  add al, 7
putc:
  push dx
  mov dx, 0x3f8
  out dx, al
  pop dx
  ret
count: db 0
times 510-($-$$) db 0
dw 0xaa55
