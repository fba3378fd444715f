; Port I/O the way early boot code uses it: COM1 line status (transmitter empty), scratch
; register, modem-control loopback; the 8042 self-test; CRTC cursor registers; in/out with
; 16- and 32-bit operands and the dx forms; rep insb/outsb. Prints hex on COM1.
%include "inc/boot.inc"
bits 16
org 0x7c00
  cli
  xor ax, ax
  mov ds, ax
  mov es, ax
  mov ss, ax
  mov sp, 0x7c00
  mov dx, 0x3fd
  in al, dx
  and al, 0x60
  call hexb                    ; 60
  mov dx, 0x3ff
  mov al, 0xa5
  out dx, al
  in al, dx
  call hexb                    ; A5
  ; 8042 self-test
  mov al, 0xaa
  out 0x64, al
.w:
  in al, 0x64
  test al, 1
  jz .w
  in al, 0x60
  call hexb                    ; 55
  ; CRTC cursor location registers 0x0e/0x0f
  mov dx, 0x3d4
  mov al, 0x0e
  out dx, al
  inc dx
  mov al, 0x01
  out dx, al
  dec dx
  mov al, 0x0f
  out dx, al
  inc dx
  mov al, 0x23
  out dx, al
  dec dx
  mov al, 0x0e
  out dx, al
  inc dx
  in al, dx
  call hexb                    ; 01
  dec dx
  mov ax, 0x0f
  out dx, al
  inc dx
  in al, dx
  call hexb                    ; 23
  ; a 16-bit out to the CRTC index/data pair at once
  mov dx, 0x3d4
  mov ax, 0x450e
  out dx, ax
  mov al, 0x0e
  out dx, al
  inc dx
  in al, dx
  call hexb                    ; 45
  ; unclaimed ports read as all ones
  mov dx, 0x2f0
  in ax, dx
  call hexb
  in eax, dx
  shr eax, 24
  call hexb
  ; rep outsb to the scratch register, then insb back
  mov si, bytes
  mov dx, 0x3ff
  mov cx, 3
  rep outsb
  mov di, 0x600
  mov cx, 2
  rep insb
  mov al, [0x601]
  call hexb                    ; the last byte written (33)
  mov al, 0x10
  out 0xf4, al
bytes: db 0x11, 0x22, 0x33
hexb:
  push ax
  shr al, 4
  call nib
  pop ax
nib:
  and al, 15
  add al, '0'
  cmp al, '9'
  jbe putc
  add al, 7
putc:
  push dx
  push ax
  mov dx, 0x3fd
.wt:
  in al, dx
  test al, 0x20
  jz .wt
  pop ax
  mov dx, 0x3f8
  out dx, al
  pop dx
  ret
BOOT_SIGNATURE
