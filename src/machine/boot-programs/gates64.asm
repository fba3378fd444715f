; Far transfers in long mode: a 64-bit call gate (16 bytes, DPL 3) called from ring 3 to ring 0
; (RSP0 from the TSS, the old SS:RSP and CS:RIP pushed as quadwords), retfq back to ring 3, a far
; jump through the same kind of gate at ring 0, a far call into 32-bit compatibility-mode code
; and its retf back to 64-bit code, and iretq to ring 3 with DS holding a ring-0 selector.
%include "inc/probe.inc"
%include "inc/boot.inc"
%include "inc/longmode.inc"
  PROBE_PROGRAM 8
  PROBE_PM32 pm32
  FLAT_DATA32
  mov esp, 0x7000
  PAGE_TABLES_2M 4
  ENABLE_LONG 0x70000, lm
bits 64
lm:
  mov ax, 0x10
  mov ds, ax
  mov ss, ax
  mov rsp, 0x7000
  mov qword [tss + 4], 0x6000
  TSS64_BASE
  mov ax, 0x38
  ltr ax
  ; the gates' target offsets
  mov rax, gate_target
  mov [gate3], ax
  shr rax, 16
  mov [gate3 + 6], ax
  mov rax, jmp_target
  mov [gate0], ax
  shr rax, 16
  mov [gate0 + 6], ax
  ; jmp through the DPL-0 gate
  jmp far [jmp_ptr]
after_jmp:
  ; a far call into compatibility mode and back
  call far dword [compat_ptr]
  call hexq
  call nl64
  ; to ring 3
  push qword 0x23              ; SS
  push qword 0x5000
  push qword 0x3002            ; IOPL 3
  push qword 0x2b              ; 64-bit ring-3 code
  push qword ring3
  iretq
ring3:
  mov rax, ds
  call hexq                    ; 0: the ring-0 DS was made null
  mov rax, cs
  call hexq
  call far [gate_ptr]          ; through the DPL-3 gate to ring 0
  mov rax, rsp
  call hexq                    ; 5000 again
  mov rax, cs
  call hexq
  call nl64
  mov al, 0
  mov dx, 0xf4
  out dx, al
  jmp $

gate_target:                   ; ring 0 through the gate: [rsp] RIP, [rsp+8] CS, +16 RSP, +24 SS
  mov rax, cs
  call hexq
  mov rax, [rsp + 8]
  call hexq
  mov rax, [rsp + 16]
  call hexq
  mov rax, [rsp + 24]
  call hexq
  mov rax, rsp
  call hexq
  o64 retf

jmp_target:
  mov rax, cs
  call hexq
  jmp after_jmp

bits 32
compat:                        ; 32-bit code, CS = 0x08
  mov eax, 0x32323232
  retf
bits 64

  PROBE_PUTC64
  PROBE_HEXQ_TRIM
  PROBE_NL64

  GDT_FLAT32
  dq 0x00af9a000000ffff        ; 0x18 64-bit code
  dq 0x00cff2000000ffff        ; 0x20 ring-3 data
  dq 0x00affa000000ffff        ; 0x28 ring-3 64-bit code
  dq 0                         ; 0x30
  TSS64_DESCRIPTOR
gate3:                         ; 0x48: 64-bit call gate, DPL 3, to 0x18:gate_target
  dw 0, 0x18
  db 0, 0xec
  dw 0
  dq 0
gate0:                         ; 0x58: 64-bit call gate, DPL 0, to 0x18:jmp_target
  dw 0, 0x18
  db 0, 0x8c
  dw 0
  dq 0
  GDTR
gate_ptr: dq 0
  dw 0x4b
jmp_ptr: dq 0
  dw 0x58
compat_ptr: dd compat
  dw 0x08
align 16
tss: times 0x68 db 0
  PROBE_END 8
