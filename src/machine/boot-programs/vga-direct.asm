; The screen driven directly, as kernels and demos do: mode 3 set through int 10h, then text
; and attributes written to 0xB8000, the hardware cursor moved and reshaped through the CRTC
; (3D4h/3D5h registers 0Ah/0Bh/0Eh/0Fh, read back), the cursor disabled and enabled again,
; the BIOS's idea of the cursor (AH=03h reads the BDA, which direct CRTC writes do not touch),
; VGA detection calls (AX=1A00h display combination, AH=12h BL=10h EGA information), the
; miscellaneous output register (3CCh) and input status (3DAh) as read by drivers, and a
; screen scrolled by copying rows up in memory. Ends with the text on the screen.
%include "inc/probe.inc"
  PROBE_PROGRAM 2
  mov ax, 0x0003
  int 0x10
  mov ax, 0x1a00
  int 0x10
  call hexb2                   ; 1Ah: supported
  mov al, bl
  call hexb2                   ; active display: 08h (VGA colour)
  mov ah, 0x12
  mov bl, 0x10
  int 0x10
  mov ax, bx
  call hexw                    ; BH = 0 colour, BL = memory
  mov dx, 0x3cc
  in al, dx
  and al, 0x01                 ; colour addressing (3Dx)
  call hexb2
  call nl
  push 0xb800
  pop es
  ; 24 lines of text written directly, each with its own attribute
  xor di, di
  mov bl, 0
.row:
  mov si, line
  mov ah, bl
  and ah, 0x0f
  or ah, 0x10
.ch:
  lodsb
  test al, al
  jz .rowdone
  stosw
  jmp .ch
.rowdone:
  mov al, 'A'
  add al, bl
  stosw
  ; to the next row
  mov ax, di
  add ax, 159
  xor dx, dx
  mov cx, 160
  div cx
  mul cx
  mov di, ax
  inc bl
  cmp bl, 24
  jb .row
  ; scroll up by one row in memory: rows 1..24 to 0..23, the last row blanked
  push ds
  push es
  pop ds
  mov si, 160
  xor di, di
  mov cx, 24*80
  rep movsw
  pop ds
  mov ax, 0x0720
  mov cx, 80
  rep stosw
  ; the status line written on row 24
  mov di, 24*160
  mov si, status
  mov ah, 0x4f
.st:
  lodsb
  test al, al
  jz .stdone
  stosw
  jmp .st
.stdone:
  ; hardware cursor to row 24, column 10, shape lines 0-15 (block)
  mov dx, 0x3d4
  mov al, 0x0a
  out dx, al
  inc dx
  mov al, 0x00
  out dx, al
  dec dx
  mov al, 0x0b
  out dx, al
  inc dx
  mov al, 0x0f
  out dx, al
  mov bx, 24*80 + 10
  dec dx
  mov al, 0x0f
  out dx, al
  inc dx
  mov al, bl
  out dx, al
  dec dx
  mov al, 0x0e
  out dx, al
  inc dx
  mov al, bh
  out dx, al
  ; read the CRTC back
  dec dx
  PROBE_CRTC_CURSOR
  call hexw
  dec dx
  mov al, 0x0a
  out dx, al
  inc dx
  in al, dx
  call hexb2
  ; the BIOS still has its own cursor in the BDA
  mov ah, 0x03
  mov bh, 0
  int 0x10
  mov ax, dx
  call hexw
  ; input status toggles (drivers wait for retrace); just check it reads without hanging
  mov cx, 1000
  mov dx, 0x3da
.vr:
  in al, dx
  test al, 8
  jnz .seen
  loop .vr
.seen:
  mov al, 1
  call hexb2
  call nl
  ; the screen, as the program sees it: first cells of rows 0 and 22, row 23
  mov ax, [es:0]
  call hexw
  mov ax, [es:22*160]
  call hexw
  mov ax, [es:23*160]
  call hexw
  mov ax, [es:24*160]
  call hexw
  call nl
  mov al, 0
  jmp done
line: db 'direct VGA text row ', 0
status: db ' status: cursor at row 24, column 10 ', 0
  PROBE_ROUTINES16
  PROBE_END 2
