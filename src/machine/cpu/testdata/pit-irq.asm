; The PIT through the PIC: a real-mode IRQ0 handler of our own counts three ticks while the
; CPU waits in hlt, printing each on COM1; then the master PIC is reinitialised to vector
; 0x20 with all but IRQ0 masked, and protected mode with an IDT takes two more ticks through
; a 32-bit interrupt gate.
%include "inc/boot.inc"
bits 16
org 0x7c00
  REAL_START
  IVT_SET 0x08, tick
  sti
.wait:
  hlt
  cmp byte [count], 3
  jb .wait
  cli
  ; remap the master PIC to 0x20 (ICW1-4), mask all but IRQ0
  mov al, 0x11
  out 0x20, al
  mov al, 0x20
  out 0x21, al
  mov al, 0x04
  out 0x21, al
  mov al, 0x01
  out 0x21, al
  mov al, 0xfe
  out 0x21, al
  ENTER_PM pm

tick:
  push ax
  push dx
  inc byte [count]
  mov dx, 0x3f8
  mov al, [count]
  add al, '0'
  out dx, al
  mov al, 0x20
  out 0x20, al
  pop dx
  pop ax
  iret

bits 32
pm:
  mov ax, 0x10
  mov ds, ax
  mov ss, ax
  mov esp, 0x90000
  mov eax, tick32
  mov [0x6000 + 0x20*8], ax
  mov word [0x6000 + 0x20*8 + 2], 0x08
  mov word [0x6000 + 0x20*8 + 4], 0x8e00
  shr eax, 16
  mov [0x6000 + 0x20*8 + 6], ax
  lidt [idtr]
  sti
.wait:
  hlt
  cmp byte [count], 5
  jb .wait
  mov al, 0x10
  out 0xf4, al

tick32:
  push eax
  push edx
  inc byte [count]
  mov dx, 0x3f8
  mov al, 'p'
  out dx, al
  mov al, 0x20
  out 0x20, al
  pop edx
  pop eax
  iret

count: db 0
align 8
gdt: dq 0, 0x00cf9a000000ffff, 0x00cf92000000ffff
gdtr: dw 23
  dd gdt
idtr: dw 0x7ff
  dd 0x6000
BOOT_SIGNATURE
