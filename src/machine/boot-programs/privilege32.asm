; Privilege changes in 32-bit protected mode as a small kernel makes them: iret to ring 3
; (with DS still holding a ring-0 selector, which the return makes null), int 80h back to
; ring 0 through a DPL-3 trap gate (the TSS gives the ring-0 stack; the frame holds the ring-3
; SS:ESP), a call gate with two stack parameters from ring 3 to ring 0 and retf 8 back, a jmp
; through a call gate at the same level, far calls to a 16-bit code segment (o16 retf) and a
; far call with retf 4 at ring 0, and a ring-3 attempt to use a ring-0 code selector (#GP).
%include "inc/probe.inc"
%include "inc/boot.inc"
  PROBE_PROGRAM 4
  PROBE_PM32 pm
  FLAT_DATA32
  mov esp, 0x7000
  ; TSS: ring-0 stack 0x10:0x6000
  mov dword [tss + 4], 0x6000
  mov dword [tss + 8], 0x10
  mov ax, 0x38
  ltr ax
  ; IDT: #GP (13) and int 80h (DPL 3 trap gate)
  mov eax, gp_handler
  mov edi, idt + 13*8
  mov edx, 0x8e00
  call gate
  mov eax, int80
  mov edi, idt + 0x80*8
  mov edx, 0xef00
  call gate
  lidt [idtr]
  ; far call with retf 4 at ring 0
  push dword 0x1234
  call 0x08:callee
  mov eax, esp
  call hexd                    ; back at 0x7000
  ; far call to 16-bit code
  call 0x40:code16
  call hexd                    ; EAX from 16-bit code
  ; jmp through a call gate (DPL 0) at ring 0
  jmp 0x48:0
after_jmp_gate:
  call nl32
  ; to ring 3 with iret, DS = 0x10 (DPL 0)
  push dword 0x23              ; SS (ring-3 data, RPL 3)
  push dword 0x5000
  push dword 0x3202            ; IOPL 3: ring 3 may print
  push dword 0x1b              ; ring-3 code
  push dword ring3
  iret
ring3:
  mov eax, ds                  ; made null by the return
  mov ebx, ss
  mov ecx, cs
  mov dx, 0x23
  mov ds, dx
  mov es, dx
  push ecx
  push ebx
  call hexd
  pop eax
  call hexd
  pop eax
  call hexd
  pushf
  pop eax
  and eax, 0x3202
  call hexd
  ; int 80h from ring 3
  mov eax, 0x80
  int 0x80
  call hexd                    ; the handler's EAX
  call nl32
  ; call gate (DPL 3, 2 dword parameters) to ring 0
  push dword 0xaaaa0001
  push dword 0xbbbb0002
  call 0x53:0                  ; gate 0x50, RPL 3
  mov eax, esp
  call hexd                    ; the parameters popped by retf 8
  mov eax, ss
  call hexd
  ; a ring-0 code selector from ring 3
  call 0x08:gp_handler
  jmp $
after_gp:
  call nl32
  mov al, 0
  jmp done32

callee:                        ; ring 0, far: [esp] = EIP, [esp+4] = CS, [esp+8] = 0x1234
  mov eax, [esp + 8]
  call hexd
  retf 4

gate_target:                   ; reached by call 0x53:0 from ring 3
  mov eax, cs
  call hexd
  mov eax, ss
  call hexd
  mov eax, [esp + 8]           ; the parameters copied: [esp+8] = 0xbbbb0002, [esp+12] = 0xaaaa0001
  call hexd
  mov eax, [esp + 12]
  call hexd
  mov eax, [esp + 16]          ; old ESP
  call hexd
  mov eax, [esp + 20]          ; old SS
  call hexd
  mov eax, [esp + 4]           ; old CS
  call hexd
  retf 8

jmp_gate_target:
  mov eax, cs
  call hexd
  jmp after_jmp_gate

int80:                         ; trap gate, ring 0
  push eax
  mov eax, [esp + 4 + 16]      ; the ring-3 SS on the frame
  call hexd
  mov eax, [esp + 4 + 12]
  call hexd
  mov eax, [esp + 4 + 4]
  call hexd
  mov eax, esp
  call hexd
  pop eax
  add eax, 1
  iret

gp_handler:
  mov ax, 0x10
  mov ds, ax
  mov es, ax
  mov al, 'G'
  call putc32
  mov eax, [esp]
  call hexd
  mov eax, [esp + 8]
  call hexd                    ; CS of the faulting code
  mov dword [esp + 4], after_gp
  add esp, 4
  iret

gate:                          ; EAX = handler, EDI = entry, EDX = type/DPL word
  mov [edi], ax
  mov word [edi + 2], 0x08
  mov [edi + 4], dx
  shr eax, 16
  mov [edi + 6], ax
  ret

  PROBE_ROUTINES32

bits 16
code16:
  mov eax, 0x16161616
  o32 retf
bits 32

  GDT_FLAT32
  dq 0x00cffa000000ffff        ; 0x18 ring-3 code
  dq 0x00cff2000000ffff        ; 0x20 ring-3 data
  dq 0                         ; 0x28
  dq 0                         ; 0x30
tss_desc:                      ; 0x38 TSS
  dw 103, tss
  db 0, 0x89, 0, 0
  dq 0x00009a000000ffff        ; 0x40 16-bit code
gate_jmp:                      ; 0x48 call gate, DPL 0, to jmp_gate_target
  dw jmp_gate_target, 0x08
  db 0, 0x8c
  dw 0
gate_call:                     ; 0x50 call gate, DPL 3, 2 parameters, to gate_target
  dw gate_target, 0x08
  db 2, 0xec
  dw 0
  GDTR
  IDTR32 256
align 4
tss: times 104 db 0
align 8
idt: times 256*8 db 0
  PROBE_END 8
