; The RTC's once-a-second update-ended interrupt (register B UIE) and its alarm interrupt (AIE
; with "don't care" hours and minutes, seconds matching the next second), counted through IRQ8
; while hlt waits about 2.2 seconds of BIOS ticks; register C says which source fired (UF 10h,
; AF 20h) and reading it acknowledges; the seconds register advances meanwhile.
%include "inc/probe.inc"
%include "inc/boot.inc"
  PROBE_PROGRAM 2
  cli
  IVT_SET 0x70, irq8
  in al, 0xa1
  and al, 0xfe
  out 0xa1, al
  in al, 0x21
  and al, 0xfb
  out 0x21, al
  call read_sec
  mov [sec0], al
  ; UIE on
  mov al, 0x8b
  out 0x70, al
  in al, 0x71
  or al, 0x10
  mov ah, al
  mov al, 0x8b
  out 0x70, al
  mov al, ah
  out 0x71, al
  mov al, 0x0c
  out 0x70, al
  in al, 0x71
  sti
  mov ah, 0
  int 0x1a
  mov [t0], dx
.w:
  hlt
  mov ah, 0
  int 0x1a
  sub dx, [t0]
  cmp dx, 40
  jb .w
  cli
  mov ax, [uf]
  cmp ax, 1
  setae bl
  cmp ax, 4
  setbe bh
  and bl, bh
  mov al, bl
  call hexb2                   ; 2 or 3 updates
  mov ax, [af]
  call hexw                    ; no alarms (AIE off)
  call read_sec
  cmp al, [sec0]
  setne al
  call hexb2
  call nl
  ; UIE off: no more update interrupts
  mov al, 0x8b
  out 0x70, al
  in al, 0x71
  and al, ~0x10
  mov ah, al
  mov al, 0x8b
  out 0x70, al
  mov al, ah
  out 0x71, al
  mov word [uf], 0
  sti
  mov ah, 0
  int 0x1a
  mov [t0], dx
.w2:
  hlt
  mov ah, 0
  int 0x1a
  sub dx, [t0]
  cmp dx, 20
  jb .w2
  cli
  mov ax, [uf]
  cmp ax, 1
  setbe al
  call hexb2
  call nl
  mov al, 0
  jmp done
read_sec:
  mov al, 0x8a
  out 0x70, al
  in al, 0x71
  test al, 0x80
  jnz read_sec
  mov al, 0x80
  out 0x70, al
  in al, 0x71
  ret
irq8:
  push ax
  mov al, 0x0c
  out 0x70, al
  in al, 0x71
  test al, 0x10
  jz .n1
  inc word [cs:uf]
.n1:
  test al, 0x20
  jz .n2
  inc word [cs:af]
.n2:
  mov al, 0x20
  out 0xa0, al
  out 0x20, al
  pop ax
  iret
sec0: db 0
t0: dw 0
uf: dw 0
af: dw 0
  PROBE_ROUTINES16
  PROBE_END 2
