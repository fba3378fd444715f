; String instructions in 64-bit mode: rep movsb/movsq forwards and backwards (overlapping),
; rep stosd, repe cmpsb, repne scasb, lodsq; prints results on COM1.
%include "inc/boot.inc"
%include "inc/serial.inc"
bits 16
org 0x7c00
  REAL_START
  ENTER_PM pm
bits 32
pm:
  ENTER_LONG lm
bits 64
lm:
  FLAT_DATA32
  mov rsp, 0x90000
  mov rsi, text
  mov rdi, 0x100000
  mov ecx, textlen
  rep movsb
  ; overlapping forward copy by 1 with movsb (propagates the first byte)
  mov rsi, 0x100000
  mov rdi, 0x100001
  mov ecx, 4
  rep movsb
  ; overlapping backward copy by 8 with movsq
  std
  mov rsi, 0x100000 + 8
  mov rdi, 0x100000 + 16
  mov ecx, 2
  rep movsq
  cld
  mov rsi, 0x100000
  mov ecx, 24
  call print
  mov rdi, 0x100000
  mov eax, 0x2e2e2e2e
  mov ecx, 2
  rep stosd
  mov rsi, 0x100000
  mov ecx, 12
  call print
  mov rsi, 0x100000
  mov rdi, 0x100001
  mov ecx, 20
  repe cmpsb
  mov rax, rcx
  add al, 'A'
  call putc
  mov rdi, 0x100000
  mov al, 'r'
  mov rcx, -1
  repne scasb
  mov rax, rdi
  sub rax, 0x100000
  add al, 'a'
  call putc
  mov al, 0x10
  out 0xf4, al
  hlt
print:
  lodsb
  call putc
  loop print
  ret
SERIAL_PUTC rdx
GDT_FLAT
GDTR
text: db "Hello, strings in 64-bit mode!"
textlen equ $ - text
BOOT_SIGNATURE
