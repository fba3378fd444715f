; VGA mode 13h as demos and graphics tutorials use it: int 10h AX=0013h, pixels written to
; A000:0000 directly and with int 10h AH=0Ch, read back directly and with AH=0Dh, AH=0Fh and the
; BDA mode byte, a DAC palette entry written through 3C8h/3C9h and read back through 3C7h/3C9h,
; then back to text mode 3 with the screen cleared (text written and read back).
%include "inc/probe.inc"
  PROBE_PROGRAM 2
  mov ax, 0x0013
  int 0x10
  mov ah, 0x0f
  int 0x10
  call hexw                    ; 28h columns, mode 13h
  mov al, [0x449]
  call hexb2
  push 0xa000
  pop es
  ; a diagonal line directly
  xor bx, bx
.line:
  mov ax, bx
  mov cx, 320
  mul cx
  add ax, bx
  mov di, ax
  mov byte [es:di], 0x0f
  inc bx
  cmp bx, 200
  jb .line
  mov al, [es:0]
  call hexb2
  mov al, [es:321]
  call hexb2
  mov al, [es:199*320 + 199]
  call hexb2
  mov al, [es:1]
  call hexb2
  ; int 10h pixels
  mov ax, 0x0c2a
  mov bh, 0
  mov cx, 100
  mov dx, 50
  int 0x10
  mov al, [es:50*320 + 100]
  call hexb2
  mov ah, 0x0d
  mov bh, 0
  mov cx, 100
  mov dx, 50
  int 0x10
  call hexb2
  mov ah, 0x0d
  mov cx, 10
  mov dx, 10
  int 0x10
  call hexb2
  call nl
  ; DAC entry 5
  mov dx, 0x3c8
  mov al, 5
  out dx, al
  inc dx
  mov al, 0x11
  out dx, al
  mov al, 0x22
  out dx, al
  mov al, 0x33
  out dx, al
  mov dx, 0x3c7
  mov al, 5
  out dx, al
  mov dx, 0x3c9
  in al, dx
  call hexb2
  in al, dx
  call hexb2
  in al, dx
  call hexb2
  call nl
  ; back to text
  mov ax, 0x0003
  int 0x10
  mov ah, 0x0f
  int 0x10
  call hexw
  push 0xb800
  pop es
  mov ax, [es:0]
  call hexw
  mov word [es:0], 0x1f4f
  mov ax, [es:0]
  call hexw
  call nl
  mov al, 0
  jmp done
  PROBE_ROUTINES16
  PROBE_END 2
