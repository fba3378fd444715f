; The 8259A pair as an OS drives it: reinitialised (ICW1-4) to vectors 20h/28h, the mask
; register read back, IRR and ISR read through OCW3; an IRQ0 left without EOI blocks further
; IRQ0s (ISR bit stays set) until a specific EOI (OCW2 60h); a spurious-looking IRQ7 check
; (ISR bit 7 clear) as handlers do; IRQ8 from the RTC at a lower priority than IRQ0 of the
; master (cascade through IRQ2); the slave's IMR; and rotation off (priorities fixed).
%include "inc/probe.inc"
%include "inc/boot.inc"
  PROBE_PROGRAM 2
  IVT_SET 0x20, irq0
  IVT_SET 0x27, irq7
  IVT_SET 0x28, irq8
  PIC_REMAP
  mov al, 0xfe                 ; only IRQ0
  out 0x21, al
  mov al, 0xff
  out 0xa1, al
  in al, 0x21
  call hexb2
  in al, 0xa1
  call hexb2
  ; ISR is empty
  mov al, 0x0b
  out 0x20, al
  in al, 0x20
  call hexb2
  ; let IRQ0 come, and not send EOI in the handler
  mov byte [no_eoi], 1
  sti
  hlt
  cli
  mov ax, [count0]
  call hexw
  mov al, 0x0b
  out 0x20, al
  in al, 0x20
  call hexb2                   ; ISR bit 0 set
  ; wait 3 x 55 ms (PIT channel 2 one-shots, polled): no second IRQ0 while in service
  in al, 0x61
  and al, 0xfc
  or al, 1
  out 0x61, al
  mov cx, 3
.again:
  mov al, 0xb0
  out 0x43, al
  mov al, 0xff
  out 0x42, al
  out 0x42, al
.spin:
  in al, 0x61
  test al, 0x20
  jz .spin
  loop .again
  sti
  nop
  nop
  cli
  mov ax, [count0]
  call hexw
  mov al, 0x0a
  out 0x20, al
  in al, 0x20
  and al, 1
  call hexb2                   ; IRR bit 0 is pending
  ; specific EOI for IRQ0 lets the pending one in
  mov byte [no_eoi], 0
  mov al, 0x60
  out 0x20, al
  sti
  nop
  nop
  cli
  mov ax, [count0]
  cmp ax, 2
  setae al
  call hexb2
  mov al, 0x0b
  out 0x20, al
  in al, 0x20
  call hexb2                   ; ISR empty again
  call nl
  ; RTC periodic interrupt on IRQ8 with IRQ0 also unmasked: count both over a while
  mov al, 0x8a
  out 0x70, al
  mov al, 0x26                 ; 1024 Hz
  out 0x71, al
  mov al, 0x8b
  out 0x70, al
  in al, 0x71
  or al, 0x40
  mov ah, al
  mov al, 0x8b
  out 0x70, al
  mov al, ah
  out 0x71, al
  mov al, 0xfa                 ; IRQ0 and the cascade
  out 0x21, al
  mov al, 0xfe                 ; IRQ8
  out 0xa1, al
  in al, 0xa1
  call hexb2
  mov word [count0], 0
  sti
.w:
  hlt
  cmp word [count0], 3
  jb .w
  cli
  mov ax, [count8]
  cmp ax, 20
  seta al
  call hexb2
  ; IRQ7 never fired
  mov ax, [count7]
  call hexw
  ; masking everything: no interrupt during a long hlt-free loop
  mov al, 0xff
  out 0x21, al
  out 0xa1, al
  mov word [count0], 0
  sti
  mov ecx, 2000000
.s3:
  dec ecx
  jnz .s3
  cli
  mov ax, [count0]
  call hexw
  call nl
  mov al, 0
  jmp done
irq0:
  push ax
  inc word [count0]
  cmp byte [no_eoi], 0
  jne .r
  mov al, 0x20
  out 0x20, al
.r:
  pop ax
  iret
irq7:
  push ax
  mov al, 0x0b
  out 0x20, al
  in al, 0x20
  test al, 0x80
  jz .spurious
  inc word [count7]
  mov al, 0x20
  out 0x20, al
.spurious:
  pop ax
  iret
irq8:
  push ax
  inc word [count8]
  mov al, 0x0c
  out 0x70, al
  in al, 0x71
  mov al, 0x20
  out 0xa0, al
  out 0x20, al
  pop ax
  iret
no_eoi: db 0
count0: dw 0
count7: dw 0
count8: dw 0
  PROBE_ROUTINES16
  PROBE_END 2
