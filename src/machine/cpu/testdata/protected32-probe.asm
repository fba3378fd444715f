; 32-bit protected-mode probe: memory-operand forms with SIB addressing, 16-bit operands in
; 32-bit code, pusha/popa, enter/leave, push/pop of segment registers, far call/retf, lods/stos
; with 32-bit addresses, bt on memory with large offsets, xadd/cmpxchg on memory, movzx/movsx,
; cmov/setcc; prints hex on COM1 (compared against QEMU by cpu.oracle.test.ts).
%include "inc/boot.inc"
%include "inc/serial.inc"
bits 16
org 0x7c00
  REAL_START
  LOAD_SECTORS 6
  ENTER_PM pm
align 8
gdt: dq 0, 0x00cf9a000000ffff, 0x00cf92000000ffff, 0x00009a000000ffff
gdtr: dw 31
  dd gdt
BOOT_SIGNATURE

bits 32
%macro T 2
  mov eax, [values + esi*4]
  mov ebx, [values + edi*4]
  mov [cell], eax
  mov [cell + 4], ebx
  mov ecx, ebx
  mov edx, 0x5a5a5a5a
  push dword 0
  popfd
  %1
  pushfd
  pop ebp
  and ebp, %2
  call report
%endmacro

pm:
  FLAT_DATA32
  mov fs, ax
  mov gs, ax
  mov esp, 0x90000
  xor esi, esi
.outer:
  xor edi, edi
.inner:
  call tests
  inc edi
  cmp edi, NVALS
  jb .inner
  inc esi
  cmp esi, NVALS
  jb .outer
  call misc
  mov al, 0x10
  out 0xf4, al
  hlt

tests:
  T {add [cell], ebx}, 0x8d5
  T {sub eax, [cell + 4]}, 0x8d5
  T {and word [cell], bx}, 0x8c5
  T {or eax, [ebx*0 + cell + 4]}, 0x8c5
  T {xor byte [cell + 1], 0x5a}, 0x8c5
  T {cmp dword [cell], 7}, 0x8d5
  T {inc dword [cell + 4]}, 0x8d4
  T {neg word [cell]}, 0x8d5
  T {not dword [cell]}, 0
  T {shl dword [cell], cl}, 0xc4
  T {sar word [cell], 3}, 0xc5
  T {rol byte [cell], cl}, 0
  T {imul eax, [cell + 4], 13}, 0x801
  T {mul dword [cell + 4]}, 0x801
  T {movzx eax, byte [cell + 4]}, 0
  T {movsx eax, word [cell + 4]}, 0
  T {xadd [cell], ebx}, 0x8d5
  T {cmpxchg [cell + 4], edx}, 0x8d5
  T {call p_bt}, 1
  T {bts word [cell], bx}, 1
  T {btr dword [cell], 9}, 1
  T {cmp eax, ebx}, 0x8d5
  T {setg dl}, 0
  T {cmovb edx, [cell + 4]}, 0
  T {add ax, bx}, 0x8d5
  T {adc al, [cell + 4]}, 0x8d5
  T {shrd [cell], ebx, 7}, 0xc5
  T {bsr edx, [cell + 4]}, 0x40
  T {xchg [cell], bx}, 0
  T {lea edx, [eax + ebx*2 + 0x10]}, 0
  ret

misc:
  ; pusha/popa, enter/leave, push/pop segment registers, far call/retf through a 32-bit
  ; segment, rep stos/lods with 32-bit addresses, string compare, loop
  mov eax, 0x11111111
  mov ebx, 0x22222222
  mov ecx, 0x33333333
  mov edx, 0x44444444
  mov ebp, 0x55555555
  pushad
  mov eax, [esp + 12]         ; saved esp
  sub eax, esp
  call hexd
  xor eax, eax
  xor ebx, ebx
  popad
  mov eax, ebx
  call hexd
  push ebp
  mov ebp, esp
  enter 16, 0
  mov eax, ebp
  sub eax, esp
  call hexd
  leave
  pop ebp
  mov eax, ebp
  call hexd
  push fs
  pop eax
  call hexd
  push es
  pop gs
  mov ax, gs
  call hexd
  call 0x08:farproc
  call hexd
  mov edi, 0x100000
  mov ecx, 16
  mov eax, 0xabcd1234
  rep stosd
  mov esi, 0x100000
  mov ecx, 16
  xor edx, edx
.sum:
  lodsd
  add edx, eax
  loop .sum
  mov eax, edx
  call hexd
  mov esi, 0x100000
  mov edi, 0x100004
  mov ecx, 15
  repe cmpsd
  mov eax, ecx
  call hexd
  mov eax, esi
  call hexd
  call newline
  ret

p_bt:                         ; a register bit offset reaching up to 1 KiB past the cell
  and ebx, 0x3ff
  bt dword [cell], ebx
  ret

farproc:
  mov eax, 0xfa4
  retf

report:
  call hexd
  mov eax, [cell]
  call hexd
  mov eax, edx
  call hexd
  mov eax, ebp
  call hexd
newline:
  mov al, 10
  jmp putc

SERIAL_HEX hexd, ecx, eax, 8

SERIAL_PUTC edx

align 4
values: dd 0, 1, 7, 0x7f, 0x80, 0xffff, 0x8000, 0x7fffffff, 0x80000000, 0xffffffff, 0x12345678, 33, 100
NVALS equ ($ - values) / 4
cell: dd 0, 0, 0, 0
times 3584-($-$$) db 0
