; The 8254 PIT as delay loops and OS timer set-up use it: channel 2 gated through port 61h in
; mode 0 (one-shot; OUT read on port 61h bit 5 rises when the count expires), counter latch
; (00h/80h commands) reads that decrease, the read-back command (status byte: mode, access,
; OUT), channel 0 reprogrammed to mode 2 at 1000 Hz and to mode 3 (square wave) at 100 Hz,
; with the IRQ0 count compared against channel 2 one-shots of known length. Prints only what
; does not depend on how fast the host runs.
%include "inc/probe.inc"
%include "inc/boot.inc"
; AX = channel 2's count, latched (counter latch command) and read low byte first.
%macro READ_CH2_LATCHED 0
  mov al, 0x80
  out 0x43, al
  in al, 0x42
  mov ah, al
  in al, 0x42
  xchg al, ah
%endmacro
  PROBE_PROGRAM 2
  ; channel 2, mode 0, lobyte/hibyte, count 0x2000; gate on, speaker off
  in al, 0x61
  and al, 0xfc
  or al, 0x01
  out 0x61, al
  mov al, 0xb0
  out 0x43, al
  mov al, 0x00
  out 0x42, al
  mov al, 0x20
  out 0x42, al
  in al, 0x61
  and al, 0x20
  call hexb2                   ; OUT low while counting
  ; two latched reads decrease
  READ_CH2_LATCHED
  mov bx, ax
  mov cx, 200
.spin:
  loop .spin
  READ_CH2_LATCHED
  cmp ax, bx
  setb al
  call hexb2
  cmp bx, 0x2000
  setbe al
  call hexb2
  ; read-back of channel 2 status: 11 10 0 0 (status only) 100 (ch2) -> E8h
  mov al, 0xe8
  out 0x43, al
  in al, 0x42
  and al, 0x3f                 ; access mode and operating mode, BCD
  call hexb2
  ; wait for OUT to go high
  xor ecx, ecx
.w:
  inc ecx
  in al, 0x61
  test al, 0x20
  jz .w
  mov al, 1
  call hexb2
  mov al, 0xe8
  out 0x43, al
  in al, 0x42
  and al, 0x80                 ; OUT bit in the status
  call hexb2
  call nl
  ; channel 0 mode 2 at 1000 Hz: count 1193
  cli
  IVT_SET 8, irq0
  PIT0_PERIODIC 1193
  mov al, 0xe2                 ; read-back status of channel 0
  out 0x43, al
  in al, 0x40
  and al, 0x3f
  call hexb2
  ; count IRQ0s during a 50 ms one-shot on channel 2 (count 59659)
  call oneshot_50ms
  mov ax, [ticks]
  call bucket                  ; about 50: band 2
  ; mode 3 at 100 Hz: count 11932
  cli
  mov al, 0x36
  out 0x43, al
  mov ax, 11932
  out 0x40, al
  mov al, ah
  out 0x40, al
  call oneshot_50ms
  call oneshot_50ms
  mov ax, [ticks]
  call bucket                  ; about 10 in 100 ms: band 1
  call nl
  mov al, 0
  jmp done
; counts IRQ0s (in [ticks]) while channel 2 counts 59659 (50 ms) in mode 0
oneshot_50ms:
  mov word [ticks], 0
  mov al, 0xb0
  out 0x43, al
  mov ax, 59659
  out 0x42, al
  mov al, ah
  out 0x42, al
  sti
.w:
  hlt
  in al, 0x61
  test al, 0x20
  jz .w
  cli
  ret
; prints AX as a band: 0 (<5), 1 (5..14), 2 (15..199), 3 (200+); wide, because QEMU's PIT
; follows the host's clock and a busy host delays or merges its interrupts
bucket:
  mov bl, 0
  cmp ax, 5
  jb .p
  inc bl
  cmp ax, 15
  jb .p
  inc bl
  cmp ax, 200
  jb .p
  inc bl
.p:
  mov al, bl
  call hexb2
  ret
irq0:
  inc word [ticks]
  push ax
  mov al, 0x20
  out 0x20, al
  pop ax
  iret
ticks: dw 0
  PROBE_ROUTINES16
  PROBE_END 2
