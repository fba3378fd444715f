; Self-modifying code as packers, JIT-style patchers and old demos write it: a loop that
; rewrites the immediate of an instruction it runs on every iteration, a store that patches
; the very next instruction (seen at once on x86), code copied to a buffer and called, the
; buffer then overwritten with other code and called again, a jump target patched in place,
; and the same in 32-bit protected mode with the code written through a different linear
; alias (a second data segment base).
%include "inc/probe.inc"
%include "inc/boot.inc"
  PROBE_PROGRAM 2
  ; the immediate of `add ax, imm16` goes 1, 2, 3, ... 10: sum = 55
  xor ax, ax
  mov cx, 1
main_loop:
  mov [patch + 1], cx
patch:
  add ax, strict word 0x0000
  inc cx
  cmp cx, 11
  jb main_loop
  call hexw
  ; patch the next instruction: mov al, 'A' becomes mov al, 'Z'
  mov byte [next + 1], 'Z'
next:
  mov al, 'A'
  call putc
  ; copy code to 0x6000 and call it, twice with different code
  mov si, code1
  mov di, 0x6000
  mov cx, code1_len
  rep movsb
  call 0x6000
  call hexw
  mov si, code2
  mov di, 0x6000
  mov cx, code2_len
  rep movsb
  call 0x6000
  call hexw
  ; patch a jump displacement
  mov byte [jmp_site + 1], target_b - (jmp_site + 2)
jmp_site:
  jmp short target_a
target_a:
  mov al, 'a'
  jmp j_end
target_b:
  mov al, 'b'
j_end:
  call putc
  ; a loop that patches itself to exit: the jb at the end becomes a nop pair on iteration 5
  xor bx, bx
l2_loop:
  inc bx
  cmp bx, 5
  jne keep_going
  mov word [exit_jump], 0x9090
keep_going:
exit_jump:
  jmp short l2_loop
  mov ax, bx
  call hexw
  call nl
  ; 32-bit: write through an alias segment whose base is 0x10000 below the code
  cli
  ENTER_PM pm
bits 32
pm:
  mov ax, 0x10
  mov ds, ax
  mov ss, ax
  mov esp, 0x7000
  mov ax, 0x18                 ; base 0x1000: offset x - 0x1000 is linear x
  mov es, ax
  mov ecx, 0
  xor eax, eax
l3_loop:
  mov [es:patch32 + 1 - 0x1000], ecx
patch32:
  add eax, strict dword 0x00000000
  inc ecx
  cmp ecx, 100
  jb l3_loop
  call hexd                    ; 0+1+...+99 = 4950 = 0x1356
  call nl32
  mov al, 0
  jmp done32
bits 16
code1:
  mov ax, 0x1111
  ret
code1_len equ $ - code1
code2:
  mov ax, 0x2222
  add ax, 0x0101
  ret
code2_len equ $ - code2
  PROBE_ROUTINES16
bits 32
  PROBE_ROUTINES32
  GDT_FLAT32
  dq 0x00cf92001000ffff        ; 0x18 data, base 0x1000
  GDTR
  PROBE_END 2
