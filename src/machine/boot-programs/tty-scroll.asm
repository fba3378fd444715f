; Teletype output (int 10h AH=0Eh) until the screen scrolls: 30 numbered lines, then a line
; with a backspace, a bell and a carriage return over its start. Reads back the first cell of
; the top and bottom rows from 0xB8000, the cursor from int 10h AH=03h, from the BDA and from
; the CRTC registers 0Eh/0Fh, and prints them on COM1.
%include "inc/probe.inc"
bits 16
org 0x7c00
  PROBE_START 0
  mov ax, 0x0003
  int 0x10
  xor cx, cx
.line:
  mov al, 'L'
  call tty
  mov ax, cx
  aam                          ; AH = tens, AL = units
  add ax, 0x3030
  push ax
  mov al, ah
  call tty
  pop ax
  call tty
  mov al, 13
  call tty
  mov al, 10
  call tty
  inc cx
  cmp cx, 30
  jb .line
  mov si, tail
.t:
  lodsb
  test al, al
  jz .shown
  call tty
  jmp .t
.shown:
  push 0xb800
  pop es
  ; top row, first two cells (char, attribute), and row 23
  mov ax, [es:0]
  call hexw
  mov ax, [es:2]
  call hexw
  mov ax, [es:0 + 23*160]
  call hexw
  mov ax, [es:0 + 24*160]
  call hexw
  mov ax, [es:0 + 24*160 + 2]
  call hexw
  call nl
  mov ah, 0x03
  mov bh, 0
  int 0x10
  mov ax, dx
  call hexw                    ; cursor row/column
  mov ax, [0x450]
  call hexw                    ; the same in the BDA
  mov dx, 0x3d4
  PROBE_CRTC_CURSOR
  call hexw                    ; CRTC cursor location = row * 80 + column
  call nl
  mov al, 0
  jmp done
tty:
  push bx
  mov ah, 0x0e
  mov bx, 0x0007
  int 0x10
  pop bx
  ret
tail: db 'abc', 8, 'X', 7, 13, 'Z', 0
  PROBE_ROUTINES16
times 510-($-$$) db 0
dw 0xaa55
