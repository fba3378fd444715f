; Waiting and clocks through the BIOS as boot menus and splash screens do: int 15h AH=86h for
; one second (the tick count moves about 18 ticks meanwhile) and for 1 ms (CF clear, at most a
; couple of ticks), int 1Ah AH=01h setting the tick count and AH=00h reading it back, AH=02h
; and AH=04h giving valid BCD time and date, and a hlt loop until ten ticks have passed.
%include "inc/probe.inc"
  PROBE_PROGRAM 2
  sti
  ; set the tick count to 1000 and read it back
  mov ah, 0x01
  mov cx, 0
  mov dx, 1000
  int 0x1a
  mov ah, 0x00
  int 0x1a
  sub dx, 1000
  cmp dx, 2
  setbe al
  call hexb2
  ; one second
  mov ah, 0x00
  int 0x1a
  mov [t0], dx
  mov ah, 0x86
  mov cx, 0x000f
  mov dx, 0x4240
  int 0x15
  setc al
  call hexb2
  mov ah, 0x00
  int 0x1a
  sub dx, [t0]
  mov ax, dx
  cmp ax, 15                   ; 18.2 expected: accept 15..25
  setae bl
  cmp ax, 25
  setbe bh
  and bl, bh
  mov al, bl
  call hexb2
  ; 1 ms
  mov ah, 0x00
  int 0x1a
  mov [t0], dx
  mov ah, 0x86
  xor cx, cx
  mov dx, 1000
  int 0x15
  setc al
  call hexb2
  mov ah, 0x00
  int 0x1a
  sub dx, [t0]
  cmp dx, 4
  setbe al
  call hexb2
  call nl
  ; RTC time and date in BCD
  mov ah, 0x02
  int 0x1a
  setc al
  call hexb2
  mov al, ch
  call isbcd
  mov al, cl
  call isbcd
  mov al, dh
  call isbcd
  mov ah, 0x04
  int 0x1a
  mov al, ch                   ; century 19 or 20
  call isbcd
  mov al, dl
  call isbcd
  mov al, dh
  call isbcd
  ; ten ticks with hlt
  mov ah, 0x00
  int 0x1a
  mov [t0], dx
.w:
  hlt
  mov ah, 0x00
  int 0x1a
  sub dx, [t0]
  cmp dx, 10
  jb .w
  mov al, 1
  call hexb2
  call nl
  mov al, 0
  jmp done
isbcd:                         ; prints 01 when AL is two BCD digits
  push ax
  mov ah, al
  and al, 0x0f
  cmp al, 9
  setbe al
  shr ah, 4
  cmp ah, 9
  setbe ah
  and al, ah
  call hexb2
  pop ax
  ret
t0: dw 0
  PROBE_ROUTINES16
  PROBE_END 2
