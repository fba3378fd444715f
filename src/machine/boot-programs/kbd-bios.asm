; int 16h with nobody typing: AH=01h and AH=11h (ZF=1: no key), AH=02h and AH=12h (shift
; flags), then AH=05h stores three keystrokes in the buffer, AH=01h peeks the first without
; taking it, AH=00h/10h take them in order, and the BDA buffer head and tail end equal.
; AH=03h (typematic rate) and a buffer filled until AH=05h reports it full (AL=1).
%include "inc/probe.inc"
  PROBE_PROGRAM 2
  sti
  mov ah, 0x01
  int 0x16
  setz al
  call hexb2
  mov ah, 0x11
  int 0x16
  setz al
  call hexb2
  mov ah, 0x02
  int 0x16
  call hexb2
  mov ah, 0x12
  int 0x16
  call hexw
  call nl
  mov ah, 0x05
  mov cx, 0x1e61               ; 'a'
  int 0x16
  call hexb2
  mov ah, 0x05
  mov cx, 0x3062               ; 'b'
  int 0x16
  mov ah, 0x05
  mov cx, 0x4800               ; up arrow (extended)
  int 0x16
  mov ax, [0x41a]
  call hexw
  mov ax, [0x41c]
  call hexw
  mov ah, 0x01
  int 0x16
  pushf
  call hexw
  popf
  setz al
  call hexb2
  mov ah, 0x00
  int 0x16
  call hexw
  mov ah, 0x10
  int 0x16
  call hexw
  mov ah, 0x00
  int 0x16
  call hexw
  mov ah, 0x01
  int 0x16
  setz al
  call hexb2
  mov ax, [0x41a]
  sub ax, [0x41c]
  call hexw
  call nl
  ; fill the buffer
  xor bx, bx
.fill:
  mov ah, 0x05
  mov cx, 0x2064
  int 0x16
  test al, al
  jnz .full
  inc bx
  cmp bx, 40
  jb .fill
.full:
  mov ax, bx
  call hexw
  ; drain it
  xor bx, bx
.drain:
  mov ah, 0x11
  int 0x16
  jz .empty
  mov ah, 0x10
  int 0x16
  inc bx
  jmp .drain
.empty:
  mov ax, bx
  call hexw
  mov ax, 0x0305
  xor bx, bx
  int 0x16
  call nl
  mov al, 0
  jmp done
  PROBE_ROUTINES16
  PROBE_END 2
