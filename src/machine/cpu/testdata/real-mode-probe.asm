; Real-mode probe: 16-bit ALU forms and flags over edge values, 16-bit addressing modes,
; segment arithmetic, string instructions forwards and backwards with rep/repe/repne,
; BCD adjustments, 32-bit operands in 16-bit code, and a software interrupt through the IVT.
; Prints hex lines on COM1; compared against QEMU by cpu.oracle.test.ts.
%include "inc/boot.inc"
%include "inc/serial.inc"
bits 16
org 0x7c00
  REAL_START
  LOAD_SECTORS 7
  jmp main
BOOT_SIGNATURE

%macro T 2
  mov ax, [values + si]
  mov bx, [values + di]
  mov cx, bx
  mov dx, 0x5a5a
  push word 0
  popf
  %1
  pushf
  pop bp
  and bp, %2
  call report
%endmacro

main:
  xor si, si
.outer:
  xor di, di
.inner:
  call tests
  add di, 2
  cmp di, NVALS * 2
  jb .inner
  add si, 2
  cmp si, NVALS * 2
  jb .outer
  call strings
  call addressing
  call misc
  mov al, 0x10
  out 0xf4, al
  hlt

tests:
  T {add ax, bx}, 0x8d5
  T {adc al, bl}, 0x8d5
  T {call p_sbb}, 0x8d5
  T {sub al, bh}, 0x8d5
  T {cmp ah, bl}, 0x8d5
  T {and ax, bx}, 0x8c5
  T {xor al, bl}, 0x8c5
  T {inc ax}, 0x8d4
  T {dec al}, 0x8d4
  T {neg ax}, 0x8d5
  T {mul bx}, 0x801
  T {imul bl}, 0x801
  T {imul ax, bx, -7}, 0x801
  T {shl ax, cl}, 0xc4
  T {sar al, cl}, 0xc4
  T {shr ax, 1}, 0x8c5
  T {rol al, cl}, 0
  T {rcr ax, 1}, 0x801
  T {shld ax, bx, 5}, 0xc5
  T {bt ax, bx}, 1
  T {bsf dx, ax}, 0x40
  T {xchg al, bh}, 0
  T {cbw}, 0
  T {cwd}, 0
  T {call p_div}, 0
  T {call p_idiv}, 0
  T {call p_daa}, 0xd5
  T {call p_das}, 0xd5
  T {call p_aaa}, 0x11
  T {call p_aam}, 0xc4
  T {call p_32}, 0xc5
  ret

p_sbb:
  stc
  sbb ax, bx
  ret
p_div:
  test bx, bx
  jz .s
  xor dx, dx
  div bx
.s: ret
p_idiv:
  test bl, bl
  jz .s
  cmp bl, -1
  je .s
  cbw
  idiv bl
.s: ret
p_daa:
  add al, bl
  daa
  ret
p_das:
  sub al, bl
  das
  ret
p_aaa:
  add al, bl
  aaa
  ret
p_aam:
  test bl, bl
  jz .s
  mov ah, 0
  db 0xd4, 10       ; aam
.s: ret
p_32:
  movzx eax, ax
  shl eax, 16
  add eax, ebx
  imul eax, eax, 3
  mov edx, eax
  shr edx, 16
  ret

strings:
  ; rep movsb forwards and backwards between segments, rep stosw, repe cmpsb, repne scasb
  push es
  mov ax, 0x2000
  mov es, ax
  mov si, text
  xor di, di
  mov cx, textlen
  cld
  rep movsb
  mov ax, di
  call hexw
  std
  mov si, text + textlen - 1
  mov di, 0x100 + textlen - 1
  mov cx, textlen
  rep movsb
  cld
  mov ax, di
  call hexw
  mov di, 0x200
  mov ax, 0x4142
  mov cx, 5
  rep stosw
  mov ax, [es:0x208]
  call hexw
  mov si, text
  xor di, di
  mov cx, textlen
  repe cmpsb
  pushf
  mov ax, cx
  call hexw
  pop ax
  and ax, 0x8d5
  call hexw
  mov byte [es:5], 'X'
  mov si, text
  xor di, di
  mov cx, textlen
  repe cmpsb
  pushf
  mov ax, cx
  call hexw
  pop ax
  and ax, 0x8d5
  call hexw
  xor di, di
  mov al, 'X'
  mov cx, 100
  repne scasb
  mov ax, di
  call hexw
  mov ax, cx
  call hexw
  std
  mov di, textlen - 1
  mov al, 'l'
  mov cx, textlen
  repne scasb
  cld
  mov ax, di
  call hexw
  ; lodsw and xlat
  mov si, text
  lodsw
  call hexw
  mov bx, text
  mov al, 4
  xlatb
  call hexw
  pop es
  call newline
  ret

addressing:
  ; every 16-bit addressing mode reads the same table cell
  mov bx, table
  mov si, 4
  mov di, 6
  mov bp, table
  mov ax, [bx + si]
  call hexw
  mov ax, [bx + di + 2]
  call hexw
  mov ax, [bp + si]          ; SS default segment (SS = 0 here)
  call hexw
  mov ax, [bp + di - 2]
  call hexw
  mov ax, [si + table]
  call hexw
  mov ax, [di + table]
  call hexw
  mov ax, [bx + 0x0c]
  call hexw
  lea ax, [bx + si + 0x1234]
  call hexw
  ; 32-bit addressing in 16-bit code
  mov eax, table
  mov ecx, 2
  mov ax, [eax + ecx*4]
  call hexw
  ; segment arithmetic: the same byte through two segment:offset pairs
  mov ax, (table - $$ + 0x7c00) >> 4
  mov es, ax
  mov ax, [es:((table - $$ + 0x7c00) & 15) + 6]
  call hexw
  xor ax, ax
  mov es, ax
  call newline
  ret

misc:
  ; int through the IVT to our own handler, pushf/popf, lahf/sahf, loop, jcxz
  mov word [0x80 * 4], handler
  mov word [0x80 * 4 + 2], 0
  mov ax, 0x1234
  int 0x80
  call hexw
  mov ah, 0xd5
  sahf
  lahf
  mov al, 0
  call hexw
  mov cx, 5
  xor ax, ax
.l:
  add ax, cx
  loop .l
  call hexw
  xor cx, cx
  jcxz .z
  mov ax, 0xbad
  jmp .e
.z:
  mov ax, 0x600d
.e:
  call hexw
  call newline
  ret

handler:
  xchg al, ah
  iret

; report: prints ax, dx, bp as hex words
report:
  call hexw
  mov ax, dx
  call hexw
  mov ax, bp
  call hexw
newline:
  mov al, 10
  jmp putc

SERIAL_HEX hexw, cx, ax, 4

SERIAL_PUTC dx

values: dw 0, 1, 2, 9, 0x0f, 0x7f, 0x80, 0x99, 0xff, 0x100, 0x7fff, 0x8000, 0xfffe, 0xffff, 0x1234
NVALS equ ($ - values) / 2
text: db "Hello, real mode!"
textlen equ $ - text
align 16
table: dw 0x1111, 0x2222, 0x3333, 0x4444, 0x5555, 0x6666, 0x7777, 0x8888
times 4096-($-$$) db 0
