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
%macro T 1+
  mov qword [skip], %%end
  %1
  mov al, '.'
  call putc64
%%end:
%endmacro
  T mfence
  T lfence
  T sfence
  T pause
  T prefetcht0 [rbx]
  T prefetchnta [rbx]
  T prefetchw [rbx]
  T clflush [rbx]
  T movnti [rbx], eax
  T db 0xf3, 0x0f, 0x1e, 0xfa          ; endbr64
  T nop dword [rax + rax]
  T db 0x66, 0x2e, 0x0f, 0x1f, 0x84, 0, 0, 0, 0, 0   ; nop word cs:[rax+rax]
  T rdtscp
  T cmpxchg16b [rbx]
  T popcnt eax, ebx
  T lzcnt eax, ebx
  T tzcnt eax, ebx
  T bswap rax
  T cqo
  T cdqe
  T xadd [rbx], rax
  T db 0x0f, 0x0d, 0x0b               ; prefetchw [rbx] (0F 0D /1)
  mov al, ' '
  call putc64
  ; x87
  mov rax, cr0
  and al, ~0x0c                        ; EM and TS off
  or al, 0x22                          ; MP, NE
  mov cr0, rax
  T fninit
  T fld1
  T fld1
  T faddp st1, st0
  T fistp dword [rbx]
  mov eax, [rbx]
  add al, '0'
  call putc64                          ; 2
  T fnstsw ax
  T fnstcw [rbx]
  T fwait
  mov al, ' '
  call putc64
  ; fxsave with OSFXSR
  mov rax, cr4
  or eax, 0x600
  mov cr4, rax
  T fxsave [rbx]
  T fxrstor [rbx]
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
