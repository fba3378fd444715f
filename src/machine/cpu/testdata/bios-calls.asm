; The CPU side of BIOS calls: int 13h extended read (EDD) of sector 1 into memory, checked by a
; checksum; int 10h teletype and the cursor position read back (AH=03h); int 15h E820 first
; entry; int 1Ah tick count advancing across hlt with interrupts on; far call into an int
; handler chain (pushf + call far [ivt]). Prints on COM1.
%include "inc/boot.inc"
%include "inc/serial.inc"
bits 16
org 0x7c00
  cli
  xor ax, ax
  mov ds, ax
  mov es, ax
  mov ss, ax
  mov sp, 0x7c00
  mov [drive], dl
  sti
  ; EDD read of sector 1 to 0x8000
  mov ah, 0x42
  mov dl, [drive]
  mov si, dap
  int 0x13
  setc al
  add al, '0'
  call putc
  xor bx, bx
  xor cx, cx
.sum:
  add bl, [0x8000 + bx]
  adc bh, 0
  inc cx
  inc bx
  cmp cx, 512
  jb .sum
  mov ax, bx
  call hexw
  ; teletype and cursor
  mov ax, 0x0003
  int 0x10
  mov si, msg
.t:
  lodsb
  test al, al
  jz .td
  mov ah, 0x0e
  mov bx, 0x0007
  int 0x10
  jmp .t
.td:
  mov ah, 0x03
  mov bh, 0
  int 0x10
  mov ax, dx
  call hexw                    ; row 1, column 3
  ; int 15h E820, first entry: base 0, type 1
  xor ebx, ebx
  mov di, 0x9000
  mov eax, 0xe820
  mov ecx, 24
  mov edx, 0x534d4150
  int 0x15
  setc al
  add al, '0'
  call putc
  mov ax, [0x9000 + 16]
  call hexw
  ; the tick count advances while we wait in hlt
  mov ah, 0
  int 0x1a
  mov [t0], dx
.w:
  hlt
  mov ah, 0
  int 0x1a
  cmp dx, [t0]
  je .w
  mov al, 'T'
  call putc
  ; call an interrupt handler the way DOS-era code chains them: pushf; call far [ivt]
  IVT_SET 0x60, handler
  pushf
  call far [0x60*4]
  call putc
  mov al, 0x10
  out 0xf4, al
handler:
  mov al, 'H'
  iret

SERIAL_HEX hexw, cx, ax, 4
SERIAL_PUTC dx

drive: db 0
t0: dw 0
msg: db "Hi", 13, 10, "abc", 0
align 4
dap: db 16, 0
  dw 1
  dw 0x8000, 0
  dq 1
BOOT_SIGNATURE
sector1:
%assign i 0
%rep 512
  db (i * 7 + 3) & 0xff
%assign i i+1
%endrep
