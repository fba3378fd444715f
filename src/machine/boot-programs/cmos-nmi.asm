; CMOS/RTC registers read through ports 70h/71h as setup code reads them: status A-D, the
; memory sizes (15h-18h, 30h-31h, 34h-35h), the equipment byte (14h), with the NMI-disable
; bit (80h) set in the index; the index register reads back; the update-in-progress wait; the
; periodic interrupt (IRQ8 through the slave PIC) at 1024 Hz counted over PIT ticks, with
; register C read to acknowledge it; a scratch register written and read back; whether the
; checksum at 2Eh/2Fh covers 10h-2Dh.
%include "inc/probe.inc"
%include "inc/boot.inc"
  PROBE_PROGRAM 2
  mov si, regs_list
.r:
  lodsb
  cmp al, 0xff
  je .regs_done
  or al, 0x80
  out 0x70, al
  in al, 0x71
  call hexb2
  jmp .r
.regs_done:
  mov al, 0x94                 ; equipment byte: the FPU bit (QEMU's also has a floppy drive
  out 0x70, al                 ; without a disk and a PS/2 mouse, which this machine lacks)
  in al, 0x71
  and al, 0x02
  call hexb2
  call nl
  ; RTC time fields are valid BCD (or binary as register B says)
  mov al, 0x8b
  out 0x70, al
  in al, 0x71
  and al, 0x06                 ; binary mode and 24-hour bits
  call hexb2
.uip:
  mov al, 0x8a
  out 0x70, al
  in al, 0x71
  test al, 0x80
  jnz .uip
  mov al, 0x00
  out 0x70, al
  in al, 0x71
  cmp al, 0x60
  setb al
  call hexb2
  mov al, 0x04
  out 0x70, al
  in al, 0x71
  cmp al, 0x24
  setb al
  call hexb2
  ; checksum
  xor bx, bx
  mov cl, 0x10
.sum:
  mov al, cl
  out 0x70, al
  in al, 0x71
  xor ah, ah
  add bx, ax
  inc cl
  cmp cl, 0x2e
  jb .sum
  mov al, 0x2e
  out 0x70, al
  in al, 0x71
  mov ah, al
  mov al, 0x2f
  out 0x70, al
  in al, 0x71
  cmp ax, bx
  sete al
  call hexb2
  ; scratch register 0x40 (battery-backed RAM)
  mov al, 0x40
  out 0x70, al
  mov al, 0x5a
  out 0x71, al
  mov al, 0x40
  out 0x70, al
  in al, 0x71
  call hexb2
  call nl
  ; periodic interrupt: IRQ8 -> vector 70h in the IVT
  cli
  IVT_SET 0x70, irq8
  IVT_SET 0x08, irq0
  mov al, 0x8a
  out 0x70, al
  in al, 0x71
  and al, 0xf0
  or al, 0x06                  ; 1024 Hz
  mov ah, al
  mov al, 0x8a
  out 0x70, al
  mov al, ah
  out 0x71, al
  mov al, 0x8b
  out 0x70, al
  in al, 0x71
  or al, 0x40                  ; PIE
  mov ah, al
  mov al, 0x8b
  out 0x70, al
  mov al, ah
  out 0x71, al
  in al, 0xa1
  and al, ~0x01
  out 0xa1, al
  in al, 0x21
  and al, ~0x04
  out 0x21, al
  mov dword [count8], 0
  mov word [count0], 0
  sti
.wait:
  hlt
  cmp word [count0], 11
  jb .wait
  cli
  ; about 56 interrupts per 55 ms tick, 563 over 10 ticks: accept 100..799 (QEMU's RTC drops
  ; ticks that a busy host delivers late)
  mov eax, [count8]
  cmp eax, 100
  setae al
  call hexb2
  mov eax, [count8]
  cmp eax, 800
  setb al
  call hexb2
  ; PIE off again: no more interrupts
  mov al, 0x8b
  out 0x70, al
  in al, 0x71
  and al, ~0x40
  mov ah, al
  mov al, 0x8b
  out 0x70, al
  mov al, ah
  out 0x71, al
  mov al, 0x8c
  out 0x70, al
  in al, 0x71
  mov eax, [count8]
  mov [count8_end], eax
  mov word [count0], 0
  sti
.w2:
  hlt
  cmp word [count0], 3
  jb .w2
  cli
  mov eax, [count8]
  sub eax, [count8_end]
  cmp eax, 1                   ; one already latched in the PIC may still come
  setbe al
  call hexb2
  call nl
  mov al, 0
  jmp done
irq8:
  push ax
  inc dword [count8]
  mov al, 0x0c
  out 0x70, al
  in al, 0x71                  ; acknowledge in the RTC
  mov al, 0x20
  out 0xa0, al
  out 0x20, al
  pop ax
  iret
irq0:
  push ax
  inc word [count0]
  mov al, 0x20
  out 0x20, al
  pop ax
  iret
count8: dd 0
count8_end: dd 0
count0: dw 0
regs_list: db 0x0a, 0x0b, 0x0d, 0x12, 0x15, 0x16, 0x17, 0x18, 0x30, 0x31, 0x34, 0x35, 0xff
  PROBE_ROUTINES16
  PROBE_END 2
