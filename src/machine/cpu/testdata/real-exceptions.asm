; Exceptions in real mode through the IVT: #DE (return address = the div), #BR from bound,
; #OF from into (a trap: return after), #UD from ud2, int3; flags restored by iret; pushf/popf
; of IF; and the IVT base moved with lidt. Prints on COM1.
%include "inc/boot.inc"
%include "inc/serial.inc"
bits 16
org 0x7c00
  REAL_START
  IVT_SET 0, de
  IVT_SET 5, br
  IVT_SET 4, of
  IVT_SET 6, ud
  IVT_SET 3, bp_
  mov ax, 100
  mov bl, 0
div_here:
  div bl                        ; #DE: the handler skips 2 bytes
  mov ax, 5
bound_here:
  bound ax, [limits]            ; 5 outside [10, 20]: #BR, the handler fixes ax
  mov al, 0x7f
  add al, 1                     ; OF = 1
  into                          ; #OF, returns after into
  ud2                           ; #UD: handler skips 2 bytes
  int3
  ; flags kept across an interrupt: CF set before, iret restores it
  stc
  int3
  setc al
  add al, '0'
  call putc
  ; lidt moves the real-mode IVT
  mov word [0x1000 + 3*4], bp2
  mov word [0x1000 + 3*4 + 2], 0
  lidt [ivt2]
  int3
  lidt [ivt1]
  int3
  mov al, 0x10
  out 0xf4, al

de:
  mov al, 'D'
  call putc
  call check_ret                ; returns to div_here?
  push bp
  mov bp, sp
  add word [bp + 2], 2          ; skip the div
  pop bp
  iret
br:
  mov al, 'B'
  call putc
  mov ax, 15
  iret
of:
  mov al, 'O'
  call putc
  iret
ud:
  mov al, 'U'
  call putc
  push bp
  mov bp, sp
  add word [bp + 2], 2
  pop bp
  iret
bp_:
  mov al, '3'
  call putc
  iret
bp2:
  mov al, 'M'
  call putc
  iret
check_ret:
  push bp
  mov bp, sp
  mov ax, [bp + 4]              ; the interrupted IP (above our return address)
  cmp ax, div_here
  mov al, 'f'
  jne .n
  mov al, 'F'
.n:
  call putc
  pop bp
  ret
SERIAL_PUTC dx
limits: dw 10, 20
ivt1: dw 0x3ff
  dd 0
ivt2: dw 0x3ff
  dd 0x1000
BOOT_SIGNATURE
