; 64-bit memory forms: cmpxchg8b/16b, lock xadd, bt/bts on memory with large register offsets,
; RIP-relative loads and stores, 67-prefixed (32-bit address) accesses, push/pop of memory,
; enter with nesting levels, xlat, loop/jrcxz/jecxz, jmp far [m16:64] and call far [m16:32].
%include "inc/boot.inc"
%include "inc/serial.inc"
bits 16
org 0x7c00
  REAL_START
  LOAD_SECTORS 3
  ENTER_PM pm
GDT_FLAT
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
  ; cmpxchg16b / 8b
  mov qword [0x100000], 5
  mov qword [0x100008], 6
  mov rax, 5
  mov rdx, 6
  mov rbx, 0x1111
  mov rcx, 0x2222
  lock cmpxchg16b [0x100000]
  setz al
  call hexb
  mov rax, [0x100008]
  call hexb
  xor eax, eax
  xor edx, edx
  cmpxchg8b [0x100000]
  setz bl
  mov al, bl
  call hexb
  mov al, dl
  call hexb
  ; lock xadd
  mov qword [0x100010], 40
  mov rax, 2
  lock xadd [0x100010], rax
  call hexb
  mov al, [0x100010]
  call hexb
  ; bt/bts on memory with large and negative register offsets
  mov qword [0x100100], 0
  mov rcx, 0x100100 * 8 + 77 - 0x100000 * 8
  mov rbx, 0x100000
  bts qword [rbx], rcx
  mov al, [0x100109]
  call hexb
  mov rcx, -1
  mov byte [0x1000ff], 0x80
  mov rbx, 0x100100
  bt qword [rbx], rcx
  setc al
  call hexb
  ; RIP-relative
  mov qword [rel var], 0x77
  add qword [rel var], 1
  mov al, [rel var]
  call hexb
  ; 67 prefix: 32-bit addresses wrap
  mov ebx, 0xffffffff
  mov byte [0x100200], 0x99
  mov al, [ebx + 0x100201]
  call hexb
  ; push/pop memory
  push qword [rel var]
  pop qword [0x100300]
  mov al, [0x100300]
  call hexb
  ; enter with nesting
  mov rbp, 0x90000 - 0x40
  enter 0x10, 3
  mov rax, rsp
  sub rax, 0x90000 - 0x100
  call hexb
  leave
  ; xlat
  lea rbx, [rel table]
  mov al, 3
  xlatb
  call hexb
  ; loop / jrcxz / jecxz
  mov rcx, 0x100000003
  xor eax, eax
.l:
  inc eax
  a32 loop .l
  call hexb
  mov rcx, 0x100000000
  jecxz .z
  mov al, 'n'
  jmp .o
.z:
  mov al, 'z'
.o:
  call putc
  jrcxz .z2
  mov al, 'N'
  jmp .o2
.z2:
  mov al, 'Z'
.o2:
  call putc
  ; far jumps and calls through memory
  lea rax, [rel far1]
  mov [rel fptr64], rax
  mov word [rel fptr64 + 8], 0x18
  rex.w jmp far [rel fptr64]
far1:
  mov al, 'J'
  call putc
  mov al, 0x10
  out 0xf4, al
  hlt

hexb:
  push rax
  shr al, 4
  call nib
  pop rax
  call nib
  mov al, ' '
  jmp putc
SERIAL_NIB rdx
align 8
var: dq 0
fptr64: dq 0, 0
table: db 10, 11, 12, 13, 14
times 2048-($-$$) db 0
