; A20 by all three methods, each checked with the classic wrap-around test (a byte at 0:0500
; against FFFF:0510, the same byte when A20 is off), as boot loaders do it: int 15h AX=2400h/
; 2401h/2402h/2403h, port 92h (fast A20, read back), and the 8042 output port (D1h). Also a
; word write at FFFF:FFFF straddling 1 MiB and a dword read across it, and the A20 state as
; seen from protected mode (0x100000 aliasing 0) with and without A20.
%include "inc/probe.inc"
%include "inc/boot.inc"
  PROBE_PROGRAM 2
  mov ax, 0x2403
  int 0x15
  setc al
  call hexb2
  mov ax, bx
  and ax, 3
  call hexw
  ; off by the BIOS
  mov ax, 0x2400
  int 0x15
  call wrap
  mov ax, 0x2402
  int 0x15
  call hexb2                   ; AL = state
  mov ax, 0x2401
  int 0x15
  call wrap
  mov ax, 0x2402
  int 0x15
  call hexb2
  call nl
  ; port 92h
  in al, 0x92
  and al, 0xfd
  out 0x92, al
  call wrap
  in al, 0x92
  and al, 2
  call hexb2
  in al, 0x92
  or al, 2
  out 0x92, al
  call wrap
  in al, 0x92
  and al, 2
  call hexb2
  call nl
  ; keyboard controller
  call kbc_wait
  mov al, 0xd1
  out 0x64, al
  call kbc_wait
  mov al, 0xdd
  out 0x60, al
  call kbc_wait
  call wrap
  call kbc_wait
  mov al, 0xd1
  out 0x64, al
  call kbc_wait
  mov al, 0xdf
  out 0x60, al
  call kbc_wait
  call wrap
  call nl
  ; a word across 1 MiB with A20 off: the high byte lands at 0
  mov ax, 0x2400
  int 0x15
  mov byte [0], 0x00
  push ds
  mov ax, 0xffff
  mov ds, ax
  mov word [0xffff], 0xa55a    ; bytes at 0xfffff and 0x100000 (wraps to 0)
  mov eax, [0xfffe]            ; 0xffffe..0x100001 -> 0xffffe, 0xfffff, 0, 1
  pop ds
  call hexd16
  mov al, [0]
  call hexb2
  mov ax, 0x2401
  int 0x15
  push ds
  mov ax, 0xffff
  mov ds, ax
  mov word [0xffff], 0x1234
  mov eax, [0xfffe]
  pop ds
  call hexd16
  mov al, [0]
  call hexb2
  call nl
  ; protected mode: A20 off makes 0x100000 alias 0 (bit 20 cleared) there too
  mov ax, 0x2400
  int 0x15
  mov byte [0x600], 0x66
  cli
  ENTER_PM pm
bits 32
pm:
  mov ax, 0x10
  mov ds, ax
  mov es, ax
  mov al, [0x100600]
  mov [0x700], al
  mov byte [0x300600], 0x77    ; bit 20 set: lands at 0x200600
  mov al, [0x200600]
  mov [0x701], al
  jmp 0x18:back
bits 16
back:
  LEAVE_PM real
real:
  xor ax, ax
  mov ds, ax
  mov al, [0x700]
  call hexb2
  mov al, [0x701]
  call hexb2
  mov ax, 0x2401
  int 0x15
  call wrap
  call nl
  mov al, 0
  jmp done

; prints 1 when A20 is on (0:0500 and FFFF:0510 differ), keeps registers
wrap:
  push ax
  push ds
  push es
  xor ax, ax
  mov ds, ax
  not ax
  mov es, ax
  mov byte [0x500 + 0x40], 0x00
  mov byte [es:0x510 + 0x40], 0xff
  mov al, [0x500 + 0x40]
  cmp al, 0xff
  setne al
  pop es
  pop ds
  call hexb2
  pop ax
  ret
kbc_wait:
  in al, 0x64
  test al, 2
  jnz kbc_wait
  ret
  PROBE_ROUTINES16
  GDT_FLAT32
  dq 0x00009a000000ffff        ; 0x18 16-bit code
  GDTR
  PROBE_END 2
