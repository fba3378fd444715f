; The 8042 keyboard controller as set-up code drives it through ports 64h/60h: self test (AAh
; -> 55h), interface test (ABh -> 00h), read and write the command byte (20h/60h), disable and
; enable the keyboard (ADh/AEh, seen in the command byte), read the output port (D0h), A20
; through the output port (D1h) checked by the 1 MiB wrap, the keyboard's echo (EEh) and its
; identify (F2h -> FAh ABh 83h), and the status register between the steps.
%include "inc/probe.inc"
  PROBE_PROGRAM 2
  call flush
  mov al, 0xaa
  call cmd
  call read
  call hexb2
  mov al, 0xab
  call cmd
  call read
  call hexb2
  mov al, 0x20
  call cmd
  call read
  mov [cbyte], al
  and al, 0x77                 ; the bits both controllers agree on after POST
  call hexb2
  mov al, 0xad
  call cmd
  mov al, 0x20
  call cmd
  call read
  and al, 0x10
  call hexb2                   ; keyboard clock disabled
  mov al, 0xae
  call cmd
  mov al, 0x20
  call cmd
  call read
  and al, 0x10
  call hexb2
  ; write the command byte with interrupts off (bit 0 clear), read it back
  mov al, 0x60
  call cmd
  mov al, [cbyte]
  and al, 0xfc
  call data
  mov al, 0x20
  call cmd
  call read
  and al, 0x03
  call hexb2
  call nl
  ; output port
  mov al, 0xd0
  call cmd
  call read
  and al, 0x03                 ; reset line high, A20
  call hexb2
  call a20_state
  mov al, 0xd1
  call cmd
  mov al, 0xdd                 ; A20 off
  call data
  call wait_in
  call a20_state
  mov al, 0xd0
  call cmd
  call read
  and al, 0x03
  call hexb2
  mov al, 0xd1
  call cmd
  mov al, 0xdf                 ; A20 on
  call data
  call wait_in
  call a20_state
  call nl
  ; the keyboard itself: echo, identify
  mov al, 0xee
  call data
  call read
  call hexb2
  mov al, 0xf2
  call data
  call read
  call hexb2
  call read
  call hexb2
  call read
  call hexb2
  ; nothing more to read
  in al, 0x64
  and al, 0x01
  call hexb2
  call nl
  mov al, 0
  jmp done
wait_in:                       ; until the input buffer is empty
  in al, 0x64
  test al, 2
  jnz wait_in
  ret
cmd:
  push ax
  call wait_in
  pop ax
  out 0x64, al
  ret
data:
  push ax
  call wait_in
  pop ax
  out 0x60, al
  ret
read:                          ; waits for output (bounded), AL = byte or EEh EEh on timeout
  push cx
  mov cx, 0xffff
.w:
  in al, 0x64
  test al, 1
  jnz .got
  loop .w
  pop cx
  mov al, 0xee
  ret
.got:
  in al, 0x60
  pop cx
  ret
flush:
  in al, 0x64
  test al, 1
  jz .e
  in al, 0x60
  jmp flush
.e:
  ret
a20_state:                     ; prints 01 when 0:0500 and FFFF:0510 are different bytes
  push ds
  push es
  xor ax, ax
  mov ds, ax
  dec ax
  mov es, ax
  mov byte [0x500 + 0x80], 0x11
  mov byte [es:0x510 + 0x80], 0x22
  cmp byte [0x500 + 0x80], 0x11
  setz al
  pop es
  pop ds
  call hexb2
  ret
cbyte: db 0
  PROBE_ROUTINES16
  PROBE_END 2
