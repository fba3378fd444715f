; Real-mode control transfer as DOS-era and boot code writes it: far call to another segment
; and retf, retf 4 dropping arguments, jmp far through a memory pointer (m16:16), call far
; through a memory pointer, a near call through a register and a table, an interrupt handler
; installed in the IVT and called with int and with pushf + call far, iret restoring flags,
; les/lds, a jump table, far return to a segment:offset pushed by hand, int 3 and into, #DE
; (returns to the faulting div), #UD from ud2 and an invalid opcode, and bound.
%include "inc/probe.inc"
%include "inc/boot.inc"
  PROBE_PROGRAM 3
  ; far call into segment 0x07e0 (same bytes, other offsets)
  call 0x07e0:(far_fn - 0x7e00)
  call hexw
  push word 0x1111
  push word 0x2222
  call 0x0000:far_args
  mov ax, sp
  call hexw                    ; back where it was
  ; jmp far through memory
  jmp far [ptr_jmp]
after_jmp:
  call far [ptr_call]
  call hexw
  mov bx, 2
  call [table + bx]
  call hexw
  mov si, fn_b
  call si
  call hexw
  call nl
  ; install int 60h
  IVT_SET 0x60, int60
  stc
  mov ax, 5
  int 0x60
  pushf
  call hexw
  popf
  setc al
  call hexb2                   ; the handler cleared CF in the frame
  pushf
  call far [0x60*4]
  call hexw
  ; les / lds
  les bx, [ptr_call]
  mov ax, es
  call hexw
  mov ax, bx
  call hexw
  push ds
  lds si, [ptr_jmp]
  mov ax, ds
  pop ds
  call hexw
  ; far return to a hand-pushed address
  push cs
  push word after_retf
  retf
after_retf:
  mov al, 'R'
  call putc
  call nl
  ; exceptions in real mode go through the IVT; the return address is the instruction
  IVT_SET 0, de_handler
  IVT_SET 6, ud_handler
  IVT_SET 3, bp_handler
  IVT_SET 4, of_handler
  IVT_SET 5, br_handler
  mov ax, 100
  xor cl, cl
  div cl                       ; #DE: the handler sets CL = 7 and returns to the div
  call hexw                    ; 100 / 7 = 14 r 2 -> AX = 020E
  ud2
  mov al, 'u'
  call putc
  db 0x0f, 0xff                ; not an instruction
  mov al, 'v'
  call putc
  int3
  mov al, 0x7f
  add al, 1                    ; OF set
  into
  mov ax, 5
  bound ax, [bounds]           ; inside: no exception
  mov ax, 50
  bound ax, [bounds]           ; outside: #BR, the handler lowers AX
  call hexw
  call nl
  mov al, 0
  jmp done

de_handler:
  mov al, 'D'
  call putc
  mov cl, 7
  iret
ud_handler:
  mov al, 'U'
  call putc
  push bp
  mov bp, sp
  add word [bp + 2], 2         ; both are 2 bytes long
  pop bp
  iret
bp_handler:
  mov al, 'B'
  call putc
  push bp
  mov bp, sp
  mov ax, [bp + 2]
  sub ax, after_int3_base
  pop bp
  call hexw
  iret
of_handler:
  mov al, 'O'
  call putc
  iret
br_handler:
  mov al, 'b'
  call putc
  mov ax, 8
  iret
int60:
  push bp
  mov bp, sp
  and word [bp + 6], 0xfffe    ; clear CF in the saved flags
  pop bp
  add ax, 0x100
  iret
far_fn:
  mov ax, cs
  retf
far_args:
  push bp
  mov bp, sp
  mov ax, [bp + 6]
  add ax, [bp + 8]
  call hexw
  pop bp
  retf 4
far_called:
  mov ax, 0xfa12
  retf
fn_a:
  mov ax, 0xaaaa
  ret
fn_b:
  mov ax, 0xbbbb
  ret
table: dw fn_b, fn_a
ptr_jmp: dw after_jmp, 0
ptr_call: dw far_called, 0
bounds: dw 0, 10
after_int3_base equ 0
  PROBE_ROUTINES16
  PROBE_END 3
