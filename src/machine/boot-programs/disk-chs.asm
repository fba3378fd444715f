; CHS disk reads as a boot loader does them: int 13h AH=08h geometry, AH=15h disk type, then
; reads of many sectors that cross head and cylinder boundaries (AH=02h), a read into a buffer
; that is not at segment offset 0, a read with sector 0 (an error), a read past the last
; cylinder (an error) and AH=01h status after it. Every sector of the image holds its LBA in
; its first word and its last word, so each read is checked by the LBAs it brought in.
; The image has 4,100 sectors (QEMU's and the BIOS's geometry decide the CHS of each).
%include "inc/probe.inc"
  PROBE_PROGRAM 3
  sti
  mov ah, 0x08
  mov dl, [boot_drive]
  xor di, di
  int 0x13
  setc al
  call hexb2
  mov [geom_cx], cx
  mov [geom_dx], dx
  mov ax, cx
  call hexw                    ; CX = cylinder low bits and sectors per track
  mov ax, dx
  call hexw                    ; DH = last head, DL = number of drives
  mov ah, 0x15
  mov dl, [boot_drive]
  int 0x13
  call hexb2x                  ; AH = 3 (hard disk)
  mov ax, cx
  call hexw
  mov ax, dx
  call hexw
  call nl
  ; spt = CL & 63, heads = DH + 1
  mov al, [geom_cx]
  and ax, 63
  mov [spt], ax
  mov al, [geom_dx + 1]
  xor ah, ah
  inc ax
  mov [heads], ax
  ; read 20 sectors from the LBA spt - 5 (crosses into head 1) to 0x1000:0
  mov ax, [spt]
  sub ax, 5
  mov cx, 20
  mov bx, 0x1000
  call read_lba
  ; read 9 sectors starting 3 before the end of cylinder 0 (crosses into cylinder 1), to 0x2000:0x0010
  mov ax, [spt]
  mul word [heads]
  sub ax, 3
  mov cx, 9
  mov bx, 0x2000
  mov word [buf_off], 0x10
  call read_lba
  mov word [buf_off], 0
  ; 127 sectors from LBA 1
  mov ax, 1
  mov cx, 127
  mov bx, 0x3000
  call read_lba
  ; 30 sectors across the boundary of cylinders 2 and 3
  mov ax, [spt]
  mul word [heads]
  mov cx, 3
  mul cx
  sub ax, 10
  mov cx, 30
  mov bx, 0x5000
  call read_lba
  call nl
  ; sector number 0 is an error
  mov ax, 0x0201
  mov cx, 0x0000
  mov dh, 0
  mov dl, [boot_drive]
  mov bx, 0x1000
  mov es, bx
  xor bx, bx
  int 0x13
  setc al
  call hexb2
  call hexb2x
  ; status of the last operation
  mov ah, 0x01
  mov dl, [boot_drive]
  int 0x13
  call hexb2x
  ; a sector past the last track of the disk
  mov ax, 0x0201
  mov cx, [geom_cx]
  mov dh, [geom_dx + 1]
  mov dl, [boot_drive]
  xor bx, bx
  int 0x13
  setc al
  call hexb2
  ; reset
  mov ah, 0x00
  mov dl, [boot_drive]
  int 0x13
  setc al
  call hexb2
  call hexb2x
  call nl
  mov al, 0
  jmp done

; reads CX sectors from LBA AX to BX:[buf_off] with AH=02h, then prints CF, AH, AL and the LBA
; found in the first and last word of the first and last sector read.
read_lba:
  mov [lba], ax
  mov [count], cx
  mov es, bx
  xor dx, dx
  div word [spt]
  inc dx
  mov cl, dl                   ; sector
  xor dx, dx
  div word [heads]
  mov dh, dl                   ; head
  mov ch, al                   ; cylinder low
  shl ah, 6
  or cl, ah
  mov dl, [boot_drive]
  mov bx, [buf_off]
  mov al, [count]
  mov ah, 0x02
  int 0x13
  pushf
  setc al
  call hexb2
  popf
  call hexb2x
  call hexb2
  mov di, [buf_off]
  mov ax, [es:di]
  call hexw
  mov ax, [es:di + 510]
  call hexw
  mov ax, [count]
  dec ax
  shl ax, 9
  add di, ax
  mov ax, [es:di]
  call hexw
  mov ax, [es:di + 510]
  call hexw
  mov al, '|'
  call putc
  ret
hexb2x:                        ; AH as two digits
  push ax
  mov al, ah
  call hexb2
  pop ax
  ret
geom_cx: dw 0
geom_dx: dw 0
spt: dw 0
heads: dw 0
lba: dw 0
count: dw 0
buf_off: dw 0
  PROBE_ROUTINES16
  PROBE_END 3
%assign n 4
%rep 4100 - 4
  dw n
  times 254 dw 0xeeee
  dw n
%assign n n + 1
%endrep
