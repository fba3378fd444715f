; BIOS services for the other devices and drives, as probing code calls them: int 14h on COM1
; (AH=00h initialise at 9600 8N1, AH=01h send a character, AH=03h status), int 17h AH=02h
; printer status on LPT1, int 11h equipment, int 13h AH=08h and AH=15h for drives 80h (the
; disk) and 81h (none; drive 00h is left out: QEMU's default machine has an empty floppy drive,
; this one has none unless given a floppy image), int 13h AH=00h on drive 81h, int 15h AH=C0h (the configuration
; table's model bytes), int 10h AX=1130h (font information) and int 12h.
%include "inc/probe.inc"
  PROBE_PROGRAM 2
  sti
  mov ah, 0x00
  mov al, 0xe3                 ; 9600 baud, no parity, 1 stop bit, 8 bits
  xor dx, dx
  int 0x14
  and ax, 0x6000               ; transmitter empty bits of the line status
  call hexw
  mov ah, 0x01
  mov al, '*'
  xor dx, dx
  int 0x14
  and ah, 0x80                 ; time-out bit clear
  mov al, ah
  call hexb2
  mov ah, 0x03
  xor dx, dx
  int 0x14
  and ah, 0x60
  mov al, ah
  call hexb2
  mov ah, 0x02
  xor dx, dx
  int 0x17
  mov al, ah
  call hexb2                   ; printer status
  int 0x11
  and ax, 0xc000
  call hexw
  int 0x12
  call hexw
  call nl
  mov dl, 0x80
  call drive
  mov dl, 0x81
  call drive
  mov ah, 0x00
  mov dl, 0x81
  int 0x13
  setc al
  call hexb2
  call nl
  mov ah, 0xc0
  int 0x15
  setc al
  call hexb2
  mov ax, [es:bx]
  call hexw                    ; table length
  mov cx, 8                    ; model, submodel, revision, feature bytes 1-5
  lea si, [bx + 2]
.cfg:
  mov al, [es:si]
  call hexb2
  inc si
  loop .cfg
  push ds
  pop es
  mov ax, 0x1130
  mov bh, 0x06                 ; the 8x16 font
  int 0x10
  mov ax, cx
  call hexw                    ; bytes per character
  mov al, dl
  call hexb2                   ; rows - 1
  call nl
  mov al, 0
  jmp done
drive:                         ; AH=08h then AH=15h for drive DL
  push dx
  mov ah, 0x08
  xor di, di
  push es
  int 0x13
  pop es
  pushf
  setc al
  call hexb2
  popf
  mov al, ah
  call hexb2
  pop dx
  push dx
  mov ah, 0x15
  int 0x13
  PROBE_PRINT_CF_AH
  mov al, '|'
  call putc
  pop dx
  ret
  PROBE_ROUTINES16
  PROBE_END 2
