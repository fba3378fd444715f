; ALU probe: in 64-bit long mode, runs a list of instruction forms on every pair of a set of
; edge values, and prints each result and its defined flags as hex on COM1. Compared against
; QEMU by cpu.oracle.test.ts.
%include "inc/boot.inc"
%include "inc/serial.inc"
bits 16
org 0x7c00
  REAL_START
  LOAD_SECTORS 7                ; the rest of the program: 7 sectors to 0x7e00
  ENTER_PM pm
bits 32
pm:
  ENTER_LONG lm
GDT_FLAT
GDTR
BOOT_SIGNATURE

bits 64
lm:
  mov ax, 0x10
  mov ds, ax
  mov ss, ax
  mov rsp, 0x90000
  xor r12d, r12d              ; index of a
.outer:
  xor r13d, r13d              ; index of b
.inner:
  call tests
  inc r13
  cmp r13, NVALS
  jb .inner
  inc r12
  cmp r12, NVALS
  jb .outer
  mov al, 0x10
  out 0xf4, al
  hlt

; T instruction..., mask: loads rax = a, rbx = b, rcx = b, clears the flags, runs the
; instruction(s), prints rax, rdx and the flags masked with `mask`.
%macro T 2
  mov rax, [values + r12*8]
  mov rbx, [values + r13*8]
  mov rcx, rbx
  mov rdx, 0x5555aaaa5555aaaa
  push 0
  popfq
  %1
  pushfq
  pop rsi
  and rsi, %2
  call report
%endmacro

%define OSZAPC 0x8d5
%define OSZPC 0x8c5

tests:
  T {add rax, rbx}, OSZAPC
  T {adc eax, ebx}, OSZAPC
  T {sub ax, bx}, OSZAPC
  T {call p_sbb}, OSZAPC
  T {cmp al, bl}, OSZAPC
  T {and rax, rbx}, OSZPC
  T {or eax, ebx}, OSZPC
  T {xor ax, bx}, OSZPC
  T {inc rax}, 0x8d4
  T {dec eax}, 0x8d4
  T {neg ax}, OSZAPC
  T {not rax}, 0
  T {imul rax, rbx}, 0x801
  T {imul eax, ebx}, 0x801
  T {imul ax, bx, 0x1234}, 0x801
  T {mul rbx}, 0x801
  T {mul ebx}, 0x801
  T {imul rbx}, 0x801
  T {imul bl}, 0x801
  T {shl rax, cl}, 0xc4
  T {shr eax, cl}, 0xc4
  T {sar ax, cl}, 0xc4
  T {shl rax, 1}, 0x8c5
  T {sar eax, 1}, 0x8c5
  T {shr al, 1}, 0x8c5
  T {rol rax, cl}, 0
  T {ror eax, cl}, 0
  T {rol rax, 1}, 0x801
  T {rcr eax, 1}, 0x801
  T {rcl rax, cl}, 0
  T {shld rax, rbx, 13}, 0xc5
  T {shrd eax, ebx, 7}, 0xc5
  T {bt rax, rbx}, 1
  T {bts eax, ebx}, 1
  T {btr rax, 5}, 1
  T {btc ax, bx}, 1
  T {bsf rdx, rax}, 0x40
  T {bsr rdx, rbx}, 0x40
  T {tzcnt rdx, rax}, 0x41
  T {lzcnt edx, ebx}, 0x41
  T {popcnt rdx, rax}, OSZAPC
  T {bswap rax}, 0
  T {call p_bswap}, 0
  T {movsx rax, bl}, 0
  T {movzx eax, bx}, 0
  T {movsxd rax, ebx}, 0
  T {cqo}, 0
  T {cdq}, 0
  T {cwde}, 0
  T {xadd rax, rbx}, OSZAPC
  T {cmpxchg rbx, rdx}, OSZAPC
  T {call p_cmov}, 0
  T {call p_div}, 0
  T {call p_idiv}, 0
  T {call p_div128}, 0
  ret

p_sbb:
  stc
  sbb rax, rbx
  ret
p_bswap:
  bswap ebx
  mov rax, rbx
  ret
p_cmov:
  cmp rax, rbx
  setl dl
  setb dh
  cmovg rax, rbx
  ret
p_div:
  test rbx, rbx
  jz .skip
  xor edx, edx
  div rbx
.skip:
  ret
p_idiv:
  test ebx, ebx
  jz .skip
  cmp ebx, -1
  je .skip
  cdq
  idiv ebx
.skip:
  ret
p_div128:                     ; rdx:rax / rbx with rdx = b/2 < b (no overflow)
  test rbx, rbx
  jz .skip
  mov rdx, rbx
  shr rdx, 1
  div rbx
.skip:
  ret

; prints rax, rdx, rsi as hex, then a newline
report:
  push rax
  call hex
  mov rax, rdx
  call hex
  mov rax, rsi
  call hex
  mov al, 10
  call putc
  pop rax
  ret

hex:
  mov rcx, 16
.d:
  rol rax, 4
  push rax
  HEX_DIGIT
  call putc
  pop rax
  loop .d
  mov al, ' '
  jmp putc

SERIAL_PUTC rdx

values:
  dq 0, 1, 2, 0x7f, 0x80, 0xff, 0x7fff, 0x8000, 0xffffffff, 0x80000000, 0x7fffffffffffffff, 0x8000000000000000
  dq -1, -2, 0x123456789abcdef0, 0x0000000100000003, 63, 64, 33
NVALS equ ($ - values) / 8
times 4096-($-$$) db 0
