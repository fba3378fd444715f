; 64-bit system programming as a small kernel does it: SYSCALL/SYSRET with STAR/LSTAR/FMASK
; (RCX and R11 saved, flags masked, CS/SS from STAR, back to ring 3), SWAPGS with GS_BASE and
; KERNEL_GS_BASE, an IST stack for #DF and for int 2 (NMI vector), a #PF whose delivery faults
; on an unmapped stack (double fault, error code 0, on its IST stack; CR2 = the stack), #UD for opcodes invalid in 64-bit mode
; (push cs, aaa, into, a 0F FF), #GP(0) on a non-canonical address, int3 from ring 3 through a
; DPL-3 gate, and the CPUID leaves a boot loader checks (long mode, NX, SYSCALL bits).
%include "inc/probe.inc"
%include "inc/boot.inc"
%include "inc/longmode.inc"
  PROBE_PROGRAM 6
  PROBE_PM32 pm32
  ; cpuid checks, printed from 32-bit code
  mov eax, 0x80000000
  cpuid
  cmp eax, 0x80000001
  setae al
  call hexb32
  mov eax, 0x80000001
  cpuid
  mov eax, edx
  and eax, (1 << 29) | (1 << 20) | (1 << 11)
  call hexd
  mov eax, 1
  cpuid
  mov eax, edx
  and eax, (1 << 6) | (1 << 5) | (1 << 4) | (1 << 3) | (1 << 8)   ; PAE MSR TSC PSE CX8
  call hexd
  call nl32
  FLAT_DATA32
  mov esp, 0x7000
  ; page tables at 0x70000 (first 2 MiB, user-accessible), as ENTER_LONG but with U/S set
  PAGE_TABLES_2M 4
  ENABLE_LONG 0x70000, lm, 0x901    ; LME, NXE, SCE
bits 64
lm:
  FLAT_DATA32
  mov rsp, 0x7000
  ; TSS: RSP0 = 0x6000, IST1 = 0x5000, IST2 = 0x4800
  mov qword [tss + 4], 0x6000
  mov qword [tss + 0x24], 0x5000
  mov qword [tss + 0x2c], 0x4800
  TSS64_BASE
  mov ax, 0x30
  ltr ax
  ; IDT
  mov rdi, 2
  mov rsi, nmi
  mov dx, 0x8e02               ; IST2
  call setgate
  mov rdi, 3
  mov rsi, bp_h
  mov dx, 0xee00               ; DPL 3
  call setgate
  mov rdi, 6
  mov rsi, ud_h
  mov dx, 0x8e00
  call setgate
  mov rdi, 8
  mov rsi, df_h
  mov dx, 0x8e01               ; IST1
  call setgate
  mov rdi, 13
  mov rsi, gp_h
  mov dx, 0x8e00
  call setgate
  mov rdi, 14
  mov rsi, pf_h
  mov dx, 0x8e00
  call setgate
  lidt [idtr]
  ; #UD for opcodes that do not exist in 64-bit mode
  mov qword [resume], .u1
  db 0x0e                      ; push cs
.u1:
  mov qword [resume], .u2
  db 0x37                      ; aaa
.u2:
  mov qword [resume], .u3
  db 0xce                      ; into
.u3:
  mov qword [resume], .u4
  db 0x0f, 0xff
.u4:
  ; #GP(0) for a non-canonical address
  mov qword [resume], .g1
  mov rax, 0x0000800000000000
  mov rbx, [rax]
.g1:
  ; int 2 on its IST stack
  int 2
  call nl64
  ; swapgs
  mov ecx, 0xc0000101          ; GS_BASE
  mov eax, 0x1000
  xor edx, edx
  wrmsr
  mov ecx, 0xc0000102          ; KERNEL_GS_BASE
  mov eax, 0x2000
  wrmsr
  mov qword [0x1000], 0xaaaa
  mov qword [0x2000], 0xbbbb
  mov rax, [gs:0]
  call hexq
  swapgs
  mov rax, [gs:0]
  call hexq
  mov ecx, 0xc0000102
  rdmsr
  call hexq                    ; the old GS base now in KERNEL_GS_BASE
  swapgs
  ; syscall set-up: STAR[47:32] = 0x08 (kernel CS 0x08? no: 0x18 64-bit code, SS = +8),
  ; STAR[63:48] = 0x20 (sysret: SS = 0x28|3, CS = 0x30|3 would be TSS; use 0x20: CS = 0x30?)
  mov ecx, 0xc0000081
  xor eax, eax
  mov edx, (0x1b << 16) | 0x18 ; sysret base 0x1b: SS = 0x23, 64-bit CS = 0x2b; syscall CS 0x18, SS 0x20
  wrmsr
  mov ecx, 0xc0000082
  mov rax, syscall_entry
  mov rdx, rax
  shr rdx, 32
  wrmsr
  mov ecx, 0xc0000084          ; FMASK: clear IF, TF, DF
  mov eax, 0x700
  xor edx, edx
  wrmsr
  call nl64
  ; to ring 3 with sysret (RCX = target, R11 = flags)
  mov rcx, user
  mov r11, 0x3202              ; IOPL 3 so ring 3 may print
  mov rsp, 0x3000
  o64 sysret
user:
  mov rax, cs
  call hexq
  mov rax, ss
  call hexq
  int3                         ; through the DPL-3 gate
  mov rax, 0x5ca11
  std
  syscall
  ; back from sysret in the handler
  pushfq
  pop rax
  and eax, 0x3600
  call hexq                    ; IF set again from R11, DF still as masked? (R11 had DF)
  cld
  mov rax, cs
  call hexq
  call nl64
  ; leave ring 3 through int3 again, which ends the test
  mov byte [last], 1
  int3

syscall_entry:                 ; ring 0, RSP still the user's
  push rax
  mov rax, cs
  call hexq
  mov rax, ss
  call hexq
  pushfq
  pop rax
  and eax, 0x3700
  call hexq                    ; IF, TF, DF masked
  mov rax, rcx
  sub rax, user
  call hexq                    ; RCX = the instruction after syscall
  mov rax, r11
  and eax, 0x3600
  call hexq                    ; R11 = user flags (IF, DF, IOPL)
  pop rax
  call hexq
  o64 sysret

bp_h:
  mov al, 'B'
  call putc64
  mov rax, [rsp + 8]           ; CS of the interrupted code
  call hexq
  mov rax, rsp
  call hexq                    ; the ring-0 stack from RSP0
  cmp byte [last], 0
  jne .end
  iretq
.end:
  call nl64
  ; a #PF first, then one whose frame cannot be pushed: a double fault on the IST1 stack
  mov qword [resume], .pf1
  mov rcx, 0x40000000          ; not mapped
  mov rbx, [rcx]
.pf1:
  mov rsp, 0x40000100          ; nor is this
  mov rbx, [rcx]
  jmp $

nmi:
  mov al, 'N'
  call putc64
  mov rax, rsp
  call hexq                    ; IST2 (aligned to 16, five words pushed)
  iretq

ud_h:
  mov al, 'U'
  call putc64
  mov rax, [resume]
  mov [rsp], rax
  iretq

gp_h:
  mov al, 'G'
  call putc64
  mov rax, [rsp]
  call hexq
  add rsp, 8
  mov rax, [resume]
  mov [rsp], rax
  iretq

pf_h:
  mov al, 'P'
  call putc64
  mov rax, cr2
  call hexq
  add rsp, 8
  mov rax, [resume]
  mov [rsp], rax
  iretq

df_h:
  mov al, 'D'
  call putc64
  mov rax, [rsp]
  call hexq                    ; error code 0
  mov rax, rsp
  call hexq                    ; IST1
  mov rax, cr2
  call hexq                    ; the second fault's address
  call nl64
  mov al, 0
  mov dx, 0xf4
  out dx, al
  hlt

  IDT64_SETGATE_WIDE idt

  PROBE_PUTC64
  PROBE_HEXQ_TRIM
  PROBE_NL64

bits 32
  PROBE_HEXB32
  PROBE_ROUTINES32

  GDT_FLAT32
  dq 0x00af9a000000ffff        ; 0x18 64-bit code (syscall CS)
  dq 0x00cff2000000ffff        ; 0x20 user data (sysret SS = 0x20+3 via STAR 0x1b + 8)
  dq 0x00affa000000ffff        ; 0x28 user 64-bit code (sysret CS = 0x1b + 16)
  TSS64_DESCRIPTOR
  GDTR
  IDTR64
resume: dq 0
last: db 0
align 16
tss: times 0x68 db 0
align 16
idt: times 256*16 db 0
  PROBE_END 12
