; The FPU as a real-mode program finds and uses it: detection (fninit, then fnstsw and fnstcw
; read back 0000h and 037Fh), CR0 bits, integer and real loads and stores, the four operations
; with memory and register operands, fsqrt, fchs/fabs, constants, compares (fcom + fnstsw/sahf
; and fcomi), the rounding modes of fistp set through fldcw, a stack overflow (IE and SF in the
; status word, the indefinite value stored), fxch, and doubles stored to memory printed as
; their bit patterns.
%include "inc/probe.inc"
  PROBE_PROGRAM 3
  mov word [sw], 0x5a5a
  fninit
  fnstsw [sw]
  mov ax, [sw]
  call hexw
  fnstcw [cw]
  mov ax, [cw]
  call hexw
  mov eax, cr0
  and ax, 0x0036               ; MP, EM, TS, ET, NE
  call hexw
  call nl
  ; 7 / 2 and friends
  fild word [seven]
  fild word [two]
  fdivp st1, st0               ; 3.5
  fst qword [q]
  call showq
  fld st0
  fmul st0, st0                ; 12.25
  fstp qword [q]
  call showq
  fsqrt                        ; sqrt(3.5)
  fstp qword [q]
  call showq
  fld1
  fidiv word [three]           ; 1/3
  fstp qword [q]
  call showq
  fldpi
  fstp qword [q]
  call showq
  fld dword [f32]              ; 1.5f
  fadd qword [d64]             ; + 0.25
  fchs
  fst dword [q]
  mov eax, [q]
  call hexd16
  fabs
  fistp word [w]
  mov ax, [w]
  call hexw                    ; 2 (1.75 rounds to nearest)
  call nl
  ; rounding modes on 2.5 and -2.5
  mov si, modes
.rm:
  lodsw
  cmp ax, 0xffff
  je .rmdone
  mov [cw], ax
  fldcw [cw]
  fld qword [twohalf]
  fistp word [w]
  mov ax, [w]
  call hexw
  fld qword [twohalf]
  fchs
  fistp word [w]
  mov ax, [w]
  call hexw
  jmp .rm
.rmdone:
  fninit
  call nl
  ; compares
  fld1
  fldz
  fcom st1                     ; 0 < 1: C0
  fnstsw ax
  and ax, 0x4500
  call hexw
  fcomp st1
  fnstsw ax
  sahf
  setb al
  call hexb2
  fldz
  fcomi st0, st1               ; 0 vs 1
  setb al
  call hexb2
  fcomip st0, st1
  sete al
  call hexb2
  ftst                         ; 1 vs 0
  fnstsw ax
  and ax, 0x4500
  call hexw
  fninit
  ; stack overflow: nine pushes
  mov cx, 9
.push:
  fld1
  loop .push
  fnstsw ax
  and ax, 0x0241               ; SF, C1 (overflow), IE
  call hexw
  fstp qword [q]
  call showq                   ; the indefinite value
  fninit
  ; fxch and integer stores
  fild dword [big]
  fild word [seven]
  fxch
  fistp dword [q]
  mov eax, [q]
  call hexd16
  fistp dword [q]
  mov eax, [q]
  call hexd16
  call nl
  mov al, 0
  jmp done

showq:                         ; the qword at [q] as 16 hex digits + space
  push eax
  mov eax, [q + 4]
  call hexw4d
  mov eax, [q]
  call hexd16
  pop eax
  ret
hexw4d:                        ; EAX as 8 digits, no space
  push eax
  shr eax, 16
  call hexw4
  pop eax
  call hexw4
  ret

sw: dw 0
cw: dw 0
w: dw 0
q: dq 0
seven: dw 7
two: dw 2
three: dw 3
f32: dd 1.5
d64: dq 0.25
twohalf: dq 2.5
big: dd 123456789
modes: dw 0x037f, 0x077f, 0x0b7f, 0x0f7f, 0xffff
  PROBE_ROUTINES16
  PROBE_END 3
