; Hardware task switching in 32-bit protected mode, as i386 kernels use it: a call to another
; task's TSS (the back link, NT, the busy bits, CR0.TS) and its iret back, a far jump to a task
; through a task gate and a far jump back, and a double fault handled by a task gate in the IDT
; (the #DF task gets a clean stack and the error code 0 pushed on it). Prints TR, the saved EIP
; and registers as the TSSs hold them.
%include "inc/probe.inc"
%include "inc/boot.inc"
%include "inc/serial.inc"
  PROBE_PROGRAM 4
  PROBE_PM32 pm
  mov ax, 0x10
  mov ds, ax
  mov es, ax
  mov fs, ax
  mov gs, ax
  mov ss, ax
  mov esp, 0x7000
  ; three more TSSs: B (called), C (jumped to), D (double fault)
  mov edi, tss_b
  mov dword [edi + 0x20], task_b
  mov dword [edi + 0x38], 0x6800       ; ESP
  call fill_tss
  mov edi, tss_c
  mov dword [edi + 0x20], task_c
  mov dword [edi + 0x38], 0x6400
  call fill_tss
  mov edi, tss_d
  mov dword [edi + 0x20], task_d
  mov dword [edi + 0x38], 0x6000
  call fill_tss
  mov ax, 0x28
  ltr ax
  lidt [idtr]
  mov eax, cr0
  and eax, ~8
  mov cr0, eax
  ; call task B
  mov ebx, 0x1111
  call 0x30:0
  mov eax, ebx
  call hexd                    ; B changed EBX
  str ax
  call hexd
  mov eax, cr0
  and eax, 8
  call hexd                    ; TS set by the switch
  pushf
  pop eax
  and eax, 0x4000
  call hexd                    ; NT clear here
  call nl32
  ; jump to task C through the task gate 0x48
  jmp 0x48:0
back_from_c:
  str ax
  call hexd
  mov al, [gdt + 0x38 + 5]
  and al, 2
  call hexb32                  ; C's TSS no longer busy
  call nl32
  ; a #GP whose gate is not present: #NP during delivery, a double fault, task D
  mov eax, 0x5555
  db 0x0f, 0x0b                ; ud2 -> #UD, gate 6 not present -> #NP -> #DF
  jmp $

task_b:
  str ax
  call hexd
  pushf
  pop eax
  and eax, 0x4000
  call hexd                    ; NT set
  movzx eax, word [tss_b]
  call hexd                    ; back link = 0x28
  mov al, [gdt + 0x28 + 5]
  and al, 2
  call hexb32                  ; the caller's TSS stays busy
  mov ebx, 0x2222
  iret
  jmp task_b                   ; called again: starts here

task_c:
  str ax
  call hexd
  mov eax, [tss_a + 0x20]
  sub eax, back_from_c
  call hexd                    ; the saved EIP is the instruction after the jmp... (difference)
  jmp 0x28:0
  jmp $

task_d:
  str ax
  call hexd
  pop eax
  call hexd                    ; error code 0
  mov eax, esp
  call hexd                    ; 0x6000: the #DF task's own stack
  mov eax, [tss_a + 0x28]
  call hexd                    ; the interrupted task's EAX
  call nl32
  mov al, 0
  jmp done32

fill_tss:                      ; segments and flags of a ring-0 task in EDI
  mov dword [edi + 0x24], 0x2  ; EFLAGS
  mov dword [edi + 0x4c], 0x08 ; CS
  mov dword [edi + 0x48], 0x10
  mov dword [edi + 0x50], 0x10
  mov dword [edi + 0x54], 0x10
  mov dword [edi + 0x58], 0x10
  mov dword [edi + 0x5c], 0x10
  ret

hexb32:
  push eax
  shr al, 4
  call .n
  pop eax
.n:
  HEX_DIGIT
  jmp putc32
  PROBE_ROUTINES32

  GDT_FLAT32
  dq 0, 0                      ; 0x18, 0x20
  dw 0x67, tss_a               ; 0x28 TSS A (this task)
  db 0, 0x89, 0, 0
  dw 0x67, tss_b               ; 0x30 TSS B
  db 0, 0x89, 0, 0
  dw 0x67, tss_c               ; 0x38 TSS C
  db 0, 0x89, 0, 0
  dw 0x67, tss_d               ; 0x40 TSS D
  db 0, 0x89, 0, 0
  dw 0, 0x38                   ; 0x48 task gate to C
  db 0, 0x85
  dw 0
  GDTR
  IDTR32 32
align 8
idt:
  times 8 dq 0
  dw 0, 0x40                   ; vector 8: task gate to D
  db 0, 0x85
  dw 0
  times 23 dq 0
align 16
tss_a: times 0x68 db 0
tss_b: times 0x68 db 0
tss_c: times 0x68 db 0
tss_d: times 0x68 db 0
  PROBE_END 4
