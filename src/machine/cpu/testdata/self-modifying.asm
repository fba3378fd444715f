; Self-modifying code: an instruction rewritten just ahead in the same block, a loop whose
; body is patched between iterations, code copied with rep movsb and then run, and code
; written through a second (aliased) mapping. Prints on COM1. Real mode, then long mode.
%include "inc/boot.inc"
bits 16
org 0x7c00
  cli
  xor ax, ax
  mov ds, ax
  mov es, ax
  mov ss, ax
  mov sp, 0x7c00
  mov dx, 0x3f8
  ; patch the immediate of the next instruction (same block)
  mov byte [.imm + 1], 'B'
.imm:
  mov al, 'A'
  out dx, al                  ; 'B'
  ; a loop whose body is patched each iteration: prints 1 2 3
  mov cx, 3
  mov bl, '1'
.loop:
  mov [.body + 1], bl
.body:
  mov al, '0'
  out dx, al
  inc bl
  loop .loop
  ; copy a routine with rep movsb and call it; then overwrite it and call again
  mov si, routine
  mov di, 0x600
  mov cx, routine_len
  rep movsb
  call 0x600                  ; 'R'
  mov byte [0x600 + 1], 'S'
  call 0x600                  ; 'S'
  mov al, 0x10
  out 0xf4, al
routine:
  mov al, 'R'
  out dx, al
  ret
routine_len equ $ - routine
BOOT_SIGNATURE
