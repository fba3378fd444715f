; Instructions compilers and kernels emit that are easy to forget, run in 64-bit mode with a
; #UD handler that prints U (and skips the instruction by its length) where the CPU refuses
; one and . where it runs: fences (mfence/lfence/sfence, emitted for SeqCst atomics), pause,
; prefetches, clflush, movnti, endbr64 (a nop here), the long nops, rdtscp, cmpxchg16b,
; popcnt/lzcnt/tzcnt, bswap, xadd, cqo/cdqe, the x87 basics a program may use after fninit
; (fld1, fadd, fistp, fnstsw, fnstcw), and fxsave/fxrstor with CR4.OSFXSR set. (movbe and the
; SSE arithmetic and moves are left out: this CPU does not report or model them.)
%include "inc/probe.inc"
%include "inc/boot.inc"
%include "inc/longmode.inc"
  PROBE_PROGRAM 12
  PROBE_PM32 pm32
  ENTER_LONG lm
bits 64
lm:
  mov rsp, 0x7000
  mov rax, ud_h
  mov [idt + 6*16], ax
  mov word [idt + 6*16 + 2], 0x18
  mov word [idt + 6*16 + 4], 0x8e00
  shr rax, 16
  mov [idt + 6*16 + 6], ax
  shr rax, 16
  mov [idt + 6*16 + 8], eax
  lidt [idtr]
  mov rbx, 0x20000
  PROBE_TRY mfence
  PROBE_TRY lfence
  PROBE_TRY sfence
  PROBE_TRY pause
  PROBE_TRY prefetcht0 [rbx]
  PROBE_TRY prefetchnta [rbx]
  PROBE_TRY prefetchw [rbx]
  PROBE_TRY clflush [rbx]
  PROBE_TRY movnti [rbx], eax
  PROBE_TRY db 0xf3, 0x0f, 0x1e, 0xfa          ; endbr64
  PROBE_TRY nop dword [rax + rax]
  PROBE_TRY db 0x66, 0x2e, 0x0f, 0x1f, 0x84, 0, 0, 0, 0, 0   ; nop word cs:[rax+rax]
  PROBE_TRY rdtscp
  PROBE_TRY cmpxchg16b [rbx]
  PROBE_TRY popcnt eax, ebx
  PROBE_TRY lzcnt eax, ebx
  PROBE_TRY tzcnt eax, ebx
  PROBE_TRY bswap rax
  PROBE_TRY cqo
  PROBE_TRY cdqe
  PROBE_TRY xadd [rbx], rax
  PROBE_TRY db 0x0f, 0x0d, 0x0b               ; prefetchw [rbx] (0F 0D /1)
  mov al, ' '
  call putc64
  ; x87
  mov rax, cr0
  and al, ~0x0c                        ; EM and TS off
  or al, 0x22                          ; MP, NE
  mov cr0, rax
  PROBE_TRY fninit
  PROBE_TRY fld1
  PROBE_TRY fld1
  PROBE_TRY faddp st1, st0
  PROBE_TRY fistp dword [rbx]
  mov eax, [rbx]
  add al, '0'
  call putc64                          ; 2
  PROBE_TRY fnstsw ax
  PROBE_TRY fnstcw [rbx]
  PROBE_TRY fwait
  mov al, ' '
  call putc64
  ; fxsave with OSFXSR
  mov rax, cr4
  or eax, 0x600
  mov cr4, rax
  PROBE_TRY fxsave [rbx]
  PROBE_TRY fxrstor [rbx]
  call nl64
  mov al, 0
  mov dx, 0xf4
  out dx, al
  hlt

ud_h:
  mov al, 'U'
  call putc64
  mov rax, [skip]
  mov [rsp], rax
  iretq

  PROBE_PUTC64
  PROBE_NL64
  GDT_FLAT
  GDTR
  IDTR64
skip: dq 0
align 16
idt: times 256*16 db 0
  PROBE_END 12
