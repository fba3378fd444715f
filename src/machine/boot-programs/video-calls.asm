; int 10h services other than teletype: AH=0Fh (mode, columns, page), AH=02h/03h (cursor),
; AH=09h (character and attribute, repeated), AH=0Ah (character only), AH=08h (read back),
; AH=13h (write string, modes 0 and 1 and 3), AH=06h/07h (scroll a window up and down, and
; AL=0 to clear it), AH=01h (cursor shape, read back through AH=03h and the BDA). Prints what
; it reads back from 0xB8000 and the BDA on COM1.
%include "inc/probe.inc"
; Prints the cursor position of page 0 (AH=03h: DH row, DL column) with hexw.
%macro PRINT_CURSOR 0
  mov ah, 0x03
  mov bh, 0
  int 0x10
  mov ax, dx
  call hexw
%endmacro
  PROBE_PROGRAM 2
  mov ax, 0x0003
  int 0x10
  mov ah, 0x0f
  int 0x10
  call hexw                    ; AH = columns, AL = mode
  mov al, bh
  call hexb2
  ; AH=02h cursor to row 5, column 10; AH=09h writes 'A' five times with attribute 1Eh
  mov ah, 0x02
  mov bh, 0
  mov dx, 0x050a
  int 0x10
  mov ax, 0x0941
  mov bx, 0x001e
  mov cx, 5
  int 0x10
  PRINT_CURSOR
  ; AH=0Ah 'b' three times at row 5, column 12: keeps the attribute
  mov ah, 0x02
  mov dx, 0x050c
  int 0x10
  mov ax, 0x0a62
  mov cx, 3
  int 0x10
  push 0xb800
  pop es
  mov di, 5*160 + 10*2
  mov cx, 7
.row5:
  mov ax, [es:di]
  call hexw
  add di, 2
  loop .row5
  call nl
  ; AH=08h reads the character under the cursor (row 5, column 13)
  mov ah, 0x02
  mov bh, 0
  mov dx, 0x050d
  int 0x10
  mov ah, 0x08
  int 0x10
  call hexw
  ; AH=13h mode 1: string with attribute BL, cursor moves
  push ds
  pop es
  mov ax, 0x1301
  mov bx, 0x002f
  mov cx, msg_len
  mov dx, 0x0a00
  mov bp, msg
  int 0x10
  PRINT_CURSOR
  ; AH=13h mode 0: cursor stays
  mov ax, 0x1300
  mov bx, 0x0004
  mov cx, msg_len
  mov dx, 0x0b05
  mov bp, msg
  int 0x10
  PRINT_CURSOR
  ; AH=13h mode 3: character/attribute pairs, cursor moves
  mov ax, 0x1303
  mov cx, 3
  mov dx, 0x0c00
  mov bp, pairs
  int 0x10
  PRINT_CURSOR
  call nl
  push 0xb800
  pop es
  mov ax, [es:10*160]
  call hexw
  mov ax, [es:10*160 + 2*(msg_len-1)]
  call hexw
  mov ax, [es:11*160 + 10]
  call hexw
  mov ax, [es:12*160]
  call hexw
  mov ax, [es:12*160 + 4]
  call hexw
  call nl
  ; mark rows 0..4 column 0 with their number, then scroll the window rows 1..3, columns 0..9
  ; up by one with attribute 70h, and rows 0..4 down by two with attribute 1Fh
  xor di, di
  mov ax, 0x0730
.mark:
  mov [es:di], ax
  inc ax
  add di, 160
  cmp di, 5*160
  jb .mark
  mov ax, 0x0601
  mov bh, 0x70
  mov cx, 0x0100
  mov dx, 0x0309
  int 0x10
  call col0
  mov ax, 0x0702
  mov bh, 0x1f
  mov cx, 0x0000
  mov dx, 0x0409
  int 0x10
  call col0
  ; AL=0 clears the window
  mov ax, 0x0600
  mov bh, 0x07
  mov cx, 0x0000
  mov dx, 0x0409
  int 0x10
  call col0
  ; cursor shape
  mov ah, 0x01
  mov cx, 0x0607
  int 0x10
  mov ah, 0x03
  mov bh, 0
  int 0x10
  mov ax, cx
  call hexw
  mov ax, [0x460]
  call hexw
  mov al, [0x449]
  call hexb2
  mov ax, [0x44a]
  call hexw
  mov al, 0
  jmp done
col0:                          ; the first cell of rows 0..4
  push di
  xor di, di
.c:
  mov ax, [es:di]
  call hexw
  add di, 160
  cmp di, 5*160
  jb .c
  call nl
  pop di
  ret
msg: db 'Hello'
msg_len equ $ - msg
pairs: db 'x', 0x1a, 'y', 0x2b, 'z', 0x3c
  PROBE_ROUTINES16
  PROBE_END 2
