; Interrupts in long mode: the PIT through the PIC (remapped to 0x20) into a 64-bit interrupt
; gate on IST 1 while the CPU waits in hlt; a trap gate keeps IF, an interrupt gate clears it;
; iretq restores RFLAGS. Prints on COM1.
%include "inc/boot.inc"
%include "inc/longmode.inc"
%include "inc/serial.inc"
bits 16
org 0x7c00
  REAL_START
  LOAD_SECTORS 2
  ; PIC: master at 0x20, slave at 0x28, only IRQ0 unmasked
  PIC_REMAP
  mov al, 0xfe
  out 0x21, al
  mov al, 0xff
  out 0xa1, al
  ENTER_PM pm
GDT_FLAT
  dw 0x67, 0x5000, 0x8900, 0, 0, 0, 0, 0   ; 0x20: 64-bit TSS
GDTR
BOOT_SIGNATURE
bits 32
pm:
  ENTER_LONG lm
bits 64
lm:
  mov ax, 0x10
  mov ds, ax
  mov ss, ax
  mov rsp, 0x90000
  mov qword [0x5024], 0x60000   ; IST1
  mov ax, 0x20
  ltr ax
  mov rdi, 0x20
  mov rsi, timer
  mov edx, 0x8e01               ; interrupt gate, IST 1
  call setgate
  mov rdi, 0x40
  mov rsi, trap
  mov edx, 0x8f00               ; trap gate
  call setgate
  mov rdi, 0x41
  mov rsi, trap
  mov edx, 0x8e00               ; interrupt gate
  call setgate
  lidt [idtr]
  sti
  int 0x40                      ; trap gate: IF stays 1 -> 'I'
  int 0x41                      ; interrupt gate: IF 0 -> 'i'
.wait:
  hlt
  cmp byte [ticks], 2
  jb .wait
  pushfq
  pop rax
  shr eax, 9
  and al, 1
  add al, '0'
  call putc                     ; '1': IF restored by iretq
  mov al, 0x10
  out 0xf4, al
timer:
  push rax
  mov rax, rsp
  shr rax, 16
  cmp al, 5                     ; on the IST stack (0x5xxxx)
  mov al, 'S'
  je .ok
  mov al, 's'
.ok:
  call putc
  inc byte [ticks]
  mov al, 0x20
  out 0x20, al
  pop rax
  iretq
trap:
  pushfq
  pop rax
  bt rax, 9
  mov al, 'I'
  jc .t
  mov al, 'i'
.t:
  call putc
  iretq
IDT64_SETGATE 0x61000
SERIAL_PUTC rdx
ticks: db 0
align 8
idtr: dw 0xfff
  dq 0x61000
times 1536-($-$$) db 0
