; BIOS probe: asks the firmware the questions boot loaders ask and prints every answer on COM1,
; one line per question, "name value value ...", in hexadecimal. Run under QEMU + SeaBIOS and
; under Bootlab's machine, the two outputs are compared line by line (bios.oracle.test.ts).
; Ends with a write to isa-debug-exit.
%include "inc/serial.inc"
bits 16
org 0x7c00

%macro say 1
  mov si, %%text
  call puts
  jmp %%after
%%text: db %1, 0
%%after:
%endmacro

boot:
  xor ax, ax
  mov ds, ax
  mov es, ax
  mov ss, ax
  mov sp, 0x7c00
  mov [drive], dl
  ; The probe is longer than a sector: load sectors 2..9 behind the boot sector.
  mov ax, 0x0208
  mov cx, 0x0002
  mov dh, 0
  mov bx, 0x7e00
  int 0x13
  jc $
  jmp main

SERIAL_PUTS

putc:
  push dx
  push ax
  mov dx, 0x3fd
.wait:
  in al, dx
  test al, 0x20
  jz .wait
  pop ax
  mov dx, 0x3f8
  out dx, al
  pop dx
  ret

; prints AX as 4 hex digits and a space
hex16:
  push ax
  push cx
  HEX16_DIGITS
  pop cx
  pop ax
  ret

; prints AL as 2 hex digits and a space
hex8:
  push ax
  push cx
  mov cx, 2
  shl ax, 8
  jmp hex16.digit

; prints CF (from the saved flags in BX) as "cf=0"/"cf=1"
newline:
  push ax
  mov al, 10
  call putc
  pop ax
  ret

drive: db 0
times 510-($-$$) db 0
dw 0xaa55

main:
  ; ---------------------------------------------------------------- int 13h
  say "int13.08 "
  mov ah, 0x08
  mov dl, [drive]
  xor di, di
  int 0x13
  pushf
  call hex16
  mov ax, cx
  call hex16
  mov ax, dx
  call hex16
  pop ax
  and ax, 1
  call hex16
  call newline

  say "int13.41 "
  mov ah, 0x41
  mov bx, 0x55aa
  mov dl, [drive]
  int 0x13
  pushf
  mov al, 0
  call hex16
  mov ax, bx
  call hex16
  mov ax, cx
  call hex16
  pop ax
  and ax, 1
  call hex16
  call newline

  say "int13.48 "
  mov word [buffer], 0x1a
  mov ah, 0x48
  mov dl, [drive]
  mov si, buffer
  int 0x13
  pushf
  mov al, 0
  call hex16
  pop ax
  and ax, 1
  call hex16
  mov si, buffer
  mov cx, 13
.w48:
  lodsw
  call hex16
  loop .w48
  call newline

  say "int13.15 "
  mov ah, 0x15
  mov dl, [drive]
  int 0x13
  pushf
  mov al, 0
  call hex16
  mov ax, cx
  call hex16
  mov ax, dx
  call hex16
  pop ax
  and ax, 1
  call hex16
  call newline

  say "int13.42 "
  mov byte [dap], 0x10
  mov byte [dap + 1], 0
  mov word [dap + 2], 2
  mov word [dap + 4], 0
  mov word [dap + 6], 0x2000
  mov dword [dap + 8], 0
  mov dword [dap + 12], 0
  mov ah, 0x42
  mov dl, [drive]
  mov si, dap
  int 0x13
  pushf
  call hex16
  pop ax
  and ax, 1
  call hex16
  mov ax, [dap + 2]
  call hex16
  push ds
  mov ax, 0x2000
  mov ds, ax
  mov ax, [0x1fe]
  pop ds
  call hex16
  call newline

  say "int13.01 "
  mov ah, 0x01
  mov dl, [drive]
  int 0x13
  pushf
  call hex16
  pop ax
  and ax, 1
  call hex16
  call newline

  ; errors: the status codes a caller sees
  say "int13.err.drive "
  mov ax, 0x0201
  mov cx, 0x0001
  mov dx, 0x0081
  mov bx, 0x9000
  int 0x13
  call ax_cf
  say "int13.err.sector0 "
  mov ax, 0x0201
  mov cx, 0x0000
  mov dh, 0
  mov dl, [drive]
  mov bx, 0x9000
  int 0x13
  call ax_cf
  say "int13.err.count0 "
  mov ax, 0x0200
  mov cx, 0x0001
  mov dh, 0
  mov dl, [drive]
  mov bx, 0x9000
  int 0x13
  call ax_cf
  say "int13.err.beyond "
  mov byte [dap], 0x10
  mov word [dap + 2], 1
  mov word [dap + 4], 0
  mov word [dap + 6], 0x2000
  mov dword [dap + 8], 0x7fffffff
  mov dword [dap + 12], 0
  mov ah, 0x42
  mov dl, [drive]
  mov si, dap
  int 0x13
  pushf
  call hex16
  pop ax
  and ax, 1
  call hex16
  mov ax, [dap + 2]
  call hex16
  call newline
  say "int13.err.partial "
  mov ah, 0x48
  mov dl, [drive]
  mov si, buffer
  mov word [buffer], 0x1a
  int 0x13
  mov eax, [buffer + 16]
  dec eax
  mov byte [dap], 0x10
  mov word [dap + 2], 3
  mov word [dap + 4], 0
  mov word [dap + 6], 0x2000
  mov [dap + 8], eax
  mov dword [dap + 12], 0
  mov ah, 0x42
  mov dl, [drive]
  mov si, dap
  int 0x13
  pushf
  call hex16
  pop ax
  and ax, 1
  call hex16
  mov ax, [dap + 2]
  call hex16
  call newline
  say "int13.err.chsbeyond "
  mov ah, 0x08
  mov dl, [drive]
  int 0x13
  mov ax, 0x0201
  and cl, 0xc0
  or cl, 1
  inc ch
  jnz .nowrap
  add cl, 0x40
.nowrap:
  mov dh, 0
  mov dl, [drive]
  mov bx, 0x9000
  int 0x13
  call ax_cf
  say "int13.err.function "
  mov ax, 0x9900
  mov dl, [drive]
  int 0x13
  call ax_cf
  say "int13.01.after "
  mov ah, 0x01
  mov dl, [drive]
  int 0x13
  call ax_cf
  mov ah, 0x00
  mov dl, [drive]
  int 0x13
  say "int15.err.function "
  mov ax, 0xe900
  int 0x15
  call ax_cf
  say "int15.err.e820sig "
  mov eax, 0xe820
  xor ebx, ebx
  mov edx, 0x12345678
  mov ecx, 20
  mov di, buffer
  int 0x15
  pushf
  shr ax, 8
  call hex16
  pop ax
  and ax, 1
  call hex16
  call newline

  ; ---------------------------------------------------------------- memory
  say "int12 "
  int 0x12
  call hex16
  call newline

  say "int15.88 "
  mov ah, 0x88
  int 0x15
  call hex16
  call newline

  say "int15.e801.ax "
  mov ax, 0xe801
  int 0x15
  call hex16
  call newline

  xor ebx, ebx
  mov bp, '0'
.e820:
  say "int15.e820."
  mov ax, bp
  call putc
  mov al, ' '
  call putc
  mov eax, 0xe820
  mov edx, 0x534d4150
  mov ecx, 24
  mov di, buffer
  int 0x15
  jc .e820done
  push ebx
  cmp eax, 0x534d4150
  sete al
  mov ah, 0
  call hex16
  mov ax, cx
  call hex16
  mov si, buffer
  mov cx, 10
.e820w:
  lodsw
  call hex16
  loop .e820w
  call newline
  pop ebx
  inc bp
  test ebx, ebx
  jnz .e820
.e820done:
  call newline

  ; ---------------------------------------------------------------- A20
  say "int15.2402 "
  mov ax, 0x2402
  int 0x15
  call hex16
  call newline
  say "int15.2403 "
  mov ax, 0x2403
  int 0x15
  mov ax, bx
  call hex16
  call newline
  say "port92 "
  in al, 0x92
  call hex8
  call newline

  ; ---------------------------------------------------------------- video
  mov ax, 0x0003
  int 0x10
  say "int10.0f "
  mov ah, 0x0f
  int 0x10
  call hex16
  mov ax, bx
  call hex16
  call newline

  say "int10.03 "
  mov ah, 0x03
  mov bh, 0
  int 0x10
  mov ax, cx
  call hex16
  mov ax, dx
  call hex16
  call newline

  say "crtc.mode3 "
  call crtc
  mov ah, 1
  mov cx, 0x0607
  int 0x10
  say "crtc.0607 "
  call crtc
  mov ah, 1
  mov cx, 0x0007
  int 0x10
  say "crtc.0007 "
  call crtc
  mov ah, 1
  mov cx, 0x2000
  int 0x10
  say "crtc.2000 "
  call crtc
  mov ah, 2
  mov bh, 0
  mov dx, 0x0510
  int 0x10
  say "crtc.pos0510 "
  call crtc

  mov ax, 0xb800
  mov es, ax
  mov word [es:24*160+6], 0x1e41
  mov ah, 2
  mov bh, 0
  mov dx, 0x1803
  int 0x10
  mov ax, 0x0e0a
  int 0x10
  say "tty.scroll "
  mov ax, [es:24*160+6]
  call hex16
  mov ax, [es:23*160+6]
  call hex16
  mov ah, 3
  mov bh, 0
  int 0x10
  mov ax, dx
  call hex16
  call newline

  mov ah, 2
  mov bh, 0
  mov dx, 0x024e
  int 0x10
  mov ax, 0x0958
  mov bx, 0x0017
  mov cx, 4
  int 0x10
  say "int10.09 "
  mov ax, [es:2*160+0x4e*2]
  call hex16
  mov ax, [es:3*160+0]
  call hex16
  mov ah, 3
  mov bh, 0
  int 0x10
  mov ax, dx
  call hex16
  call newline

  mov ah, 2
  mov bh, 0
  mov dx, 0x044f
  int 0x10
  mov ax, 0x0e5a
  int 0x10
  say "tty.wrap "
  mov ah, 3
  mov bh, 0
  int 0x10
  mov ax, dx
  call hex16
  mov ax, 0x0e08
  int 0x10
  mov ah, 3
  mov bh, 0
  int 0x10
  mov ax, dx
  call hex16
  mov ax, 0x0e0d
  int 0x10
  mov ah, 3
  mov bh, 0
  int 0x10
  mov ax, dx
  call hex16
  call newline

  mov ah, 2
  mov bh, 0
  mov dx, 0x0203
  int 0x10
  say "int10.08 "
  mov ah, 8
  mov bh, 0
  int 0x10
  call hex16
  call newline

  mov ah, 2
  mov bh, 0
  mov dx, 0x0000
  int 0x10
  mov word [es:0], 0x0731
  mov word [es:2], 0x0732
  mov word [es:160], 0x0733
  mov ax, 0x0601
  mov bh, 0x1f
  mov cx, 0x0000
  mov dx, 0x0100
  int 0x10
  say "int10.06 "
  mov ax, [es:0]
  call hex16
  mov ax, [es:2]
  call hex16
  mov ax, [es:160]
  call hex16
  call newline

  mov ax, 0x0701
  mov bh, 0x2e
  mov cx, 0x0000
  mov dx, 0x014f
  int 0x10
  say "int10.07 "
  mov ax, [es:0]
  call hex16
  mov ax, [es:160]
  call hex16
  call newline

  push es
  xor ax, ax
  mov es, ax
  mov ax, 0x1301
  mov bx, 0x004f
  mov cx, 2
  mov dx, 0x060a
  mov bp, text_ab
  int 0x10
  pop es
  say "int10.13.1 "
  mov ax, [es:6*160+20]
  call hex16
  mov ax, [es:6*160+22]
  call hex16
  mov ah, 3
  mov bh, 0
  int 0x10
  mov ax, dx
  call hex16
  call newline

  push es
  xor ax, ax
  mov es, ax
  mov ax, 0x1302
  mov bx, 0x0000
  mov cx, 2
  mov dx, 0x070a
  mov bp, text_attr
  int 0x10
  pop es
  say "int10.13.2 "
  mov ax, [es:7*160+20]
  call hex16
  mov ax, [es:7*160+22]
  call hex16
  mov ah, 3
  mov bh, 0
  int 0x10
  mov ax, dx
  call hex16
  call newline

  mov ax, 0x0e07
  int 0x10
  say "tty.bel "
  mov ah, 3
  mov bh, 0
  int 0x10
  mov ax, dx
  call hex16
  call newline

  mov ax, 0x0600
  mov bh, 0x5a
  mov cx, 0x0a0a
  mov dx, 0x0b0b
  int 0x10
  say "int10.06.clear "
  mov ax, [es:10*160+20]
  call hex16
  mov ax, [es:11*160+22]
  call hex16
  mov ax, [es:12*160+22]
  call hex16
  call newline

  xor ax, ax
  mov es, ax
  say "int10.1a "
  mov ax, 0x1a00
  int 0x10
  call hex16
  mov ax, bx
  call hex16
  call newline
  say "int10.12 "
  mov ah, 0x12
  mov bl, 0x10
  int 0x10
  mov ax, bx
  call hex16
  mov ax, cx
  call hex16
  call newline

  ; ---------------------------------------------------------------- BDA
  say "bda "
  mov si, bda_words
.bda:
  lodsw
  test ax, ax
  jz .bdadone
  mov bx, ax
  mov ax, [bx]
  call hex16
  jmp .bda
.bdadone:
  call newline

  ; ---------------------------------------------------------------- keyboard
  say "int16.01 "
  mov ah, 0x01
  int 0x16
  pushf
  pop ax
  and ax, 0x40
  call hex16
  mov ah, 0x02
  int 0x16
  mov ah, 0
  call hex16
  call newline

  say "int11.ax "
  int 0x11
  and ax, 0x0232 ; FPU, video mode, serial ports: what both machines have
  call hex16
  call newline

  ; ---------------------------------------------------------------- devices
  say "kbc "
  in al, 0x64
  and al, 0x04
  call hex8
  mov al, 0x20
  out 0x64, al
  in al, 0x60
  call hex8
  call newline

  say "com1 "
  mov dx, 0x3f9
  in al, dx
  call hex8
  inc dx
  in al, dx
  call hex8
  inc dx
  in al, dx
  call hex8
  inc dx
  in al, dx
  call hex8
  inc dx
  in al, dx
  call hex8
  inc dx
  in al, dx
  call hex8
  call newline

  say "cmos "
  mov al, 0x0a
  out 0x70, al
  in al, 0x71
  and al, 0x7f
  call hex8
  mov al, 0x0b
  out 0x70, al
  in al, 0x71
  call hex8
  mov al, 0x0d
  out 0x70, al
  in al, 0x71
  call hex8
  mov al, 0x15
  out 0x70, al
  in al, 0x71
  call hex8
  mov al, 0x16
  out 0x70, al
  in al, 0x71
  call hex8
  call newline

  say "pit "
  mov al, 0xe2
  out 0x43, al
  in al, 0x40
  and al, 0x3f
  call hex8
  in al, 0x61
  and al, 0x0f
  call hex8
  call newline

  ; ---------------------------------------------------------------- clock (the host runs
  ; both machines with the same RTC start; seconds and ticks are left out, boot times differ)
  say "int1a.02 "
  mov ah, 0x02
  int 0x1a
  pushf
  mov ax, cx
  call hex16
  pop ax
  and ax, 1
  call hex16
  call newline
  say "int1a.04 "
  mov ah, 0x04
  int 0x1a
  mov ax, cx
  call hex16
  mov ax, dx
  call hex16
  call newline

  say "end"
  call newline
  mov dx, 0xf4
  mov al, 0x10
  out dx, al
  cli
  hlt

; prints AX and CF, then a newline (call right after the int)
ax_cf:
  pushf
  call hex16
  pop ax
  and ax, 1
  call hex16
  jmp newline

crtc:
  push cx
  mov cl, 0x0a
.reg:
  mov dx, 0x3d4
  mov al, cl
  out dx, al
  inc dx
  in al, dx
  call hex8
  inc cl
  cmp cl, 0x10
  jb .reg
  call newline
  pop cx
  ret

bda_words:
  dw 0x400, 0x413, 0x417, 0x41a, 0x41c, 0x449, 0x44a, 0x44c, 0x44e, 0x450, 0x460, 0x462
  dw 0x463, 0x474, 0x475, 0x480, 0x482, 0x484, 0x486, 0x487, 0x489, 0x496
  dw 0

text_ab: db "AB"
text_attr: db "C", 0x1e, "D", 0x2f
dap: times 16 db 0
buffer: times 64 db 0
times 9*512-($-$$) db 0
