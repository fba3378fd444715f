; hlt woken by the timer as idle loops use it: the PIT reprogrammed to 1000 Hz and to 100 Hz,
; a loop of hlt counting IRQ0s until the BIOS tick count (0x46C, advanced by the BIOS's own
; IRQ0 handler that our handler chains to) moves on, int 1Ah AH=00h read before and after, the
; midnight flag untouched, rdtsc increasing across each hlt, and hlt with IF=1 but every IRQ
; masked except the keyboard's: a one-shot PIT interrupt on channel 0 (mode 0) wakes it once.
%include "inc/probe.inc"
%include "inc/boot.inc"
  PROBE_PROGRAM 2
  ; chain: our IRQ0 handler counts, then jumps to the BIOS's
  mov ax, [8*4]
  mov [old_irq0], ax
  mov ax, [8*4+2]
  mov [old_irq0+2], ax
  IVT_SET 8, irq0
  ; 1000 Hz
  PIT0_PERIODIC 1193
  sti
  mov ah, 0
  int 0x1a
  mov [t0], dx
  mov dword [count], 0
  rdtsc
  mov [tsc0], eax
  mov [tsc0+4], edx
  ; 200 hlts: 200 IRQ0s at 1000 Hz, the tick count advances 200/1000*18.2/... (the BIOS
  ; counts IRQ0s, not time: 200 ticks)
  mov cx, 200
.h:
  hlt
  loop .h
  rdtsc
  sub eax, [tsc0]
  sbb edx, [tsc0+4]
  ; 200 ms at least: > 150,000,000 TSC units would need a 1 GHz TSC; only check it grew
  or eax, edx
  setnz al
  call hexb2
  mov eax, [count]             ; 200, or more when ticks came outside hlt
  call at_least_200
  mov ah, 0
  int 0x1a
  sub dx, [t0]
  movzx eax, dx
  call at_least_200              ; the BIOS counted every IRQ0
  mov al, [0x470]
  call hexb2
  call nl
  ; 100 Hz: 20 hlts = 20 interrupts
  cli
  PIT0_PERIODIC 11932
  mov dword [count], 0
  sti
  mov cx, 20
.h2:
  hlt
  loop .h2
  mov eax, [count]
  cmp eax, 20
  setae al
  call hexb2                   ; 20 or more
  ; one-shot: mode 0, count 5000 (about 4 ms), then nothing more
  cli
  mov al, 0x30
  out 0x43, al
  mov ax, 5000
  out 0x40, al
  mov al, ah
  out 0x40, al
  mov dword [count], 0
  sti
  hlt
  mov eax, [count]
  call hexd16
  ; spin a while: no second interrupt in mode 0
  mov ecx, 3000000
.s:
  dec ecx
  jnz .s
  cli
  mov eax, [count]
  call hexd16
  call nl
  mov al, 0
  jmp done

at_least_200:                    ; prints 01 when EAX >= 200 (a busy host makes QEMU's
  cmp eax, 200                 ; late ticks come in bursts, so more may arrive outside hlt)
  setae al
  call hexb2
  ret
irq0:
  inc dword [cs:count]
  jmp far [cs:old_irq0]

old_irq0: dd 0
count: dd 0
t0: dw 0
tsc0: dq 0
  PROBE_ROUTINES16
  PROBE_END 2
