; Exceptions a 32-bit kernel meets and the error codes it prints: #NP loading a not-present
; data segment (selector in the error code), #SS for a not-present stack segment, #GP for a
; selector past the GDT and for a code selector in DS, #GP from ring 3 for cli (IOPL 0), hlt,
; mov to CR3 and lidt, #UD for ud2 and for lock on a register operand, #DE for divide by zero
; and for a quotient overflow, #BR from bound, #NP for int through a not-present gate (IDT
; selector with the IDT bit), #GP for int through a DPL-0 gate from ring 3, and an IRQ0 whose
; vector lies beyond the IDT limit (#GP with the EXT bit). Each handler prints vector, error
; code and whether it came from ring 3, then resumes.
%include "inc/probe.inc"
%include "inc/boot.inc"
%include "inc/serial.inc"
  PROBE_PROGRAM 4
  PROBE_PM32 pm
  FLAT_DATA32
  mov esp, 0x7000
  mov dword [tss + 4], 0x6800
  mov dword [tss + 8], 0x10
  mov ax, 0x28
  ltr ax
  ; handlers for vectors 0..19 (each stub pushes its number), a not-present gate at 0x41,
  ; a DPL-0 gate at 0x42
  xor ecx, ecx
.g:
  mov eax, ecx
  imul eax, stub_size
  add eax, stubs
  mov edi, ecx
  shl edi, 3
  add edi, idt
  mov [edi], ax
  mov word [edi + 2], 0x08
  mov word [edi + 4], 0x8e00
  shr eax, 16
  mov [edi + 6], ax
  inc ecx
  cmp ecx, 20
  jb .g
  mov word [idt + 0x41*8 + 4], 0x6e00       ; DPL 3, not present
  mov eax, stubs
  mov [idt + 0x42*8], ax
  mov word [idt + 0x42*8 + 2], 0x08
  mov word [idt + 0x42*8 + 4], 0x8e00       ; DPL 0
  shr eax, 16
  mov [idt + 0x42*8 + 6], ax
  lidt [idtr]

%macro TRY 1                   ; resume at the label after the faulting code
  mov dword [resume], %1
%endmacro
  TRY .a1
  mov ax, 0x18                 ; not present
  mov ds, ax
.a1:
  TRY .a2
  mov ax, 0x20                 ; not-present writable data as SS
  mov ss, ax
.a2:
  TRY .a3
  mov ax, 0x98                 ; past the GDT
  mov es, ax
.a3:
  TRY .a4
  mov ax, 0x08                 ; execute-only? no: readable code may go in DS; use SS instead
  mov ss, ax
.a4:
  TRY .a5
  ud2
.a5:
  TRY .a6
  db 0xf0, 0x01, 0xc0          ; lock add eax, eax
.a6:
  TRY .a7
  xor edx, edx
  xor ecx, ecx
  div ecx
.a7:
  TRY .a8
  mov edx, 1
  mov eax, 0
  mov ecx, 1
  div ecx                      ; quotient too large for EAX
.a8:
  TRY .a9
  mov eax, 100
  bound eax, [bounds]
.a9:
  TRY .a10
  int 0x41
.a10:
  call nl32
  ; ring 3
  push dword 0x33
  push dword 0x5800
  push dword 0x0002            ; IOPL 0
  push dword 0x3b
  push dword ring3
  iret
ring3:
  TRY .b1
  cli
.b1:
  TRY .b2
  hlt
.b2:
  TRY .b3
  mov eax, 0
  mov cr3, eax
.b3:
  TRY .b4
  lidt [idtr]
.b4:
  TRY .b5
  int 0x42
.b5:
  TRY .b6
  int 0x41
.b6:
  TRY .c0
  int3                         ; gate DPL 0: #GP, not #BP
.c0:
  ; back to ring 0 through a fault we resume in ring 0
  mov byte [to_ring0], 1
  TRY .c1
  hlt
.c1:
  call nl32
  ; a hardware interrupt whose vector is past the IDT limit: PIC remapped to 0x50
  mov al, 0x11
  out 0x20, al
  mov al, 0x50
  out 0x21, al
  mov al, 4
  out 0x21, al
  mov al, 1
  out 0x21, al
  mov al, 0xfe
  out 0x21, al
  TRY .c2
  sti
  hlt
.c2:
  cli
  call nl32
  mov al, 0
  jmp done32

; stubs: push the vector (and a fake error code for vectors without one), jump to fault_common
align 16
stubs:
%assign v 0
%rep 20
  align 16, db 0x90
  %if v == 8 || (v >= 10 && v <= 14) || v == 17
    push dword v
    jmp near fault_common
  %else
    push dword 0xeeee
    push dword v
    jmp near fault_common
  %endif
%assign v v + 1
%endrep
stub_size equ 16

fault_common:
  push eax
  mov ax, 0x10
  mov ds, ax
  mov es, ax
  mov al, '#'
  call putc32
  mov eax, [esp + 4]
  call hexb32
  mov al, '/'
  call putc32
  mov eax, [esp + 8]
  call hexw32
  mov eax, [esp + 16]          ; CS
  and al, 3
  call hexb32
  mov al, ' '
  call putc32
  pop eax
  add esp, 8                   ; vector, error code
  mov eax, [resume]
  mov [esp], eax
  cmp byte [to_ring0], 0
  je .same
  ; leave ring 3 for good: continue at [resume] in ring 0 on this stack
  mov byte [to_ring0], 0
  mov ax, 0x10
  mov ss, ax                   ; already
  add esp, 20
  jmp [resume]
.same:
  iret

hexb32:                        ; AL as 2 digits
  push eax
  shr al, 4
  call .nib
  pop eax
  push eax
  call .nib
  pop eax
  ret
.nib:
  HEX_DIGIT
  jmp putc32
hexw32:                        ; AX as 4 digits and a slash
  push eax
  xchg al, ah
  call hexb32
  xchg al, ah
  call hexb32
  mov al, '/'
  call putc32
  pop eax
  ret
  PROBE_ROUTINES32

  GDT_FLAT32
  dq 0x00cf12000000ffff        ; 0x18 data, not present
  dq 0x00cf12000000ffff        ; 0x20 data, not present
  dw 103, tss                  ; 0x28 TSS
  db 0, 0x89, 0, 0
  dq 0x00cff2000000ffff        ; 0x30 ring-3 data
  dq 0x00cffa000000ffff        ; 0x38 ring-3 code
  GDTR
  IDTR32 0x43
resume: dd 0
to_ring0: db 0
bounds: dd 0, 10
align 4
tss: times 104 db 0
align 8
idt: times 0x43*8 db 0
  PROBE_END 4
