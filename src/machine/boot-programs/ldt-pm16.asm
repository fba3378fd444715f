; Segmentation the 286 way: 16-bit protected mode with an LDT (lldt, sldt, selectors with
; TI=1 for code, data and stack), lar/lsl/verr/verw on GDT and LDT selectors (valid, wrong
; type, past the table, DPL too low for a ring-3 RPL), the accessed bit set by a load, a far
; call between two 16-bit LDT code segments, a 16-bit TSS-less interrupt through a 16-bit
; interrupt gate, and back to real mode with the caches of ES still holding a 64 KiB limit.
%include "inc/probe.inc"
%include "inc/boot.inc"
  PROBE_PROGRAM 3
  lgdt [gdtr]
  lidt [idtr]
  SET_PE_JMP pm16
pm16:
  mov ax, 0x10
  mov ds, ax
  mov ss, ax
  mov sp, 0x7000
  mov ax, 0x18                 ; the LDT descriptor
  lldt ax
  sldt ax
  call hexw
  ; LDT data segment 0x0c (index 1, TI=1, RPL 0): base 0x20000
  mov ax, 0x0c
  mov es, ax
  mov word [es:0x10], 0xbeef
  mov ax, [es:0x10]
  call hexw
  mov al, [ldt + 8 + 5]
  and al, 1
  call hexb2                   ; accessed bit now set in the LDT
  ; lar / lsl
  mov bx, 0x0c
  lar ax, bx
  setz cl
  call hexw
  lsl ax, bx
  call hexw
  mov bx, 0x04                 ; LDT code (16-bit, execute/read)
  lar ax, bx
  call hexw
  mov bx, 0x18                 ; the LDT descriptor itself: lar accepts type 2
  lar ax, bx
  setz al
  call hexb2
  mov bx, 0x50                 ; past the GDT
  lar ax, bx
  setz al
  call hexb2
  mov bx, 0x0c
  verr bx
  setz al
  call hexb2
  verw bx
  setz al
  call hexb2
  mov bx, 0x04
  verw bx                      ; code is never writable
  setz al
  call hexb2
  mov bx, 0x14                 ; LDT data, DPL 0, read-only
  verw bx
  setz al
  call hexb2
  call nl
  ; far call into LDT code (selector 0x04), which calls back into GDT code
  call 0x04:ldt_code - ldt_code_base
  call hexw
  ; a 16-bit interrupt gate
  int 0x40
  call hexw
  ; stack in the LDT: selector 0x1c (index 3)
  mov ax, 0x1c
  mov ss, ax
  mov sp, 0x100
  push word 0x1234
  mov ax, 0x10
  mov ss, ax
  mov sp, 0x7000
  mov ax, [es:0x100 - 2 + 0x0000]   ; stack base 0x20000 too: same memory as ES
  call hexw
  call nl
  ; back to real mode (ES keeps its 64 KiB limit and its cached base until reloaded)
  mov ax, 0x10
  mov es, ax
  LEAVE_PM real
real:
  xor ax, ax
  mov ds, ax
  mov ss, ax
  mov es, ax
  mov sp, 0x7000
  mov ax, 0x2000
  mov es, ax
  mov ax, [es:0x10]
  call hexw
  call nl
  mov al, 0
  jmp done

int40:
  mov ax, 0x4040
  iret
back_in_gdt:
  mov ax, cs
  retf

ldt_code_base equ 0x7e00
ldt_code:                      ; runs with CS = 0x04 (base 0x7e00)
  call 0x08:back_in_gdt
  add ax, 0x1000
  retf

  PROBE_ROUTINES16
align 8
gdt:
  dq 0
  dq 0x00009a000000ffff        ; 0x08 16-bit code, base 0
  dq 0x000092000000ffff        ; 0x10 16-bit data, base 0
ldt_desc:                      ; 0x18 LDT
  dw ldt_end - ldt - 1, ldt
  db 0, 0x82, 0, 0
  GDTR
align 8
ldt:
  dq 0x00009a007e00ffff        ; 0x04 16-bit code, base 0x7e00
  dq 0x000092020000ffff        ; 0x0c data, base 0x20000 (accessed bit clear)
  dq 0x000090000000ffff        ; 0x14 read-only data
  dq 0x000092020000ffff        ; 0x1c stack, base 0x20000
ldt_end:
  IDTR32 0x41
align 8
idt:
  times 0x40 dq 0
  dw int40, 0x08
  db 0, 0x86                   ; 16-bit interrupt gate
  dw 0
  PROBE_END 3
