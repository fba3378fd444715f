; Segment limits and types in 32-bit protected mode, as QEMU reports their faults: a data
; segment of 4 KiB (byte granular) read at its last dword, across its limit and past it;
; an expand-down segment below and at its lower bound; a 4 KiB-granular segment's last byte;
; an SS-relative operand past the stack segment's limit (#SS); a write to a read-only data
; segment; a read through an execute-only code segment; the null selector in ES; a far jump
; past a code segment's limit. The #GP/#SS handler prints vector, error code and the number
; of the step, then resumes at the next step.
%include "inc/probe.inc"
%include "inc/boot.inc"
  PROBE_PROGRAM 3
  lgdt [gdtr]
  lidt [idtr]
  SET_PE_JMP pm
bits 32
pm:
  mov ax, 0x10
  mov ds, ax
  mov es, ax
  mov fs, ax
  mov gs, ax
  mov ss, ax
  mov esp, 0x7c00
  ; IDT: vectors 0..31 to `fault' (interrupt gates, selector 8)
  mov edi, idt
  mov ecx, 32
.g:
  mov eax, fault
  mov [edi], ax
  mov word [edi + 2], 0x08
  mov word [edi + 4], 0x8e00
  shr eax, 16
  mov [edi + 6], ax
  add edi, 8
  loop .g

%macro STEP 1
  mov dword [resume], %%next
  mov byte [step], %1
  jmp %%go
%%go:
%endmacro
%macro ENDSTEP 0
  mov al, '.'
  call putc32
%%n:
%endmacro

  ; 1: the last dword of a 4 KiB segment is fine
  mov dword [resume], s2
  mov byte [step], 1
  mov ax, 0x18
  mov es, ax
  mov eax, [es:0xffc]
  call ok
s2:
  mov dword [resume], s3
  mov byte [step], 2
  mov eax, [es:0xffd]          ; crosses the limit
  call ok
s3:
  mov dword [resume], s4
  mov byte [step], 3
  mov al, [es:0x1000]          ; past it
  call ok
s4:
  mov dword [resume], s5
  mov byte [step], 4
  mov ax, 0x20                 ; expand-down, limit 0xfff, B=1: valid 0x1000..0xffffffff
  mov es, ax
  mov eax, [es:0x1000]
  call ok
s5:
  mov dword [resume], s6
  mov byte [step], 5
  mov al, [es:0xfff]
  call ok
s6:
  mov dword [resume], s7
  mov byte [step], 6
  mov eax, [es:0xfffffffc]
  call ok
s7:
  mov dword [resume], s8
  mov byte [step], 7
  mov ax, 0x28                 ; stack segment, limit 0x7fff, base 0
  mov ss, ax
  mov eax, [esp]
  call ok
s8:
  mov dword [resume], s9
  mov byte [step], 8
  mov eax, [ss:0x8000]
  call ok
s9:
  mov ax, 0x10
  mov ss, ax
  mov dword [resume], s10
  mov byte [step], 9
  mov ax, 0x30                 ; read-only data
  mov es, ax
  mov eax, [es:0x100]
  call ok
s10:
  mov dword [resume], s11
  mov byte [step], 10
  mov [es:0x100], eax
  call ok
s11:
  mov dword [resume], s12
  mov byte [step], 11
  mov ax, 0x38                 ; execute-only code cannot be loaded into ES
  mov es, ax
  call ok
s12:
  mov dword [resume], s13
  mov byte [step], 12
  mov eax, [cs:s12]            ; CS is readable code: fine
  call ok
s13:
  mov dword [resume], s14
  mov byte [step], 13
  xor ax, ax
  mov es, ax                   ; loading null is fine
  call ok
s14:
  mov dword [resume], s15
  mov byte [step], 14
  mov eax, [es:0]              ; using it is not
  call ok
s15:
  mov dword [resume], s16
  mov byte [step], 15
  mov ax, 0x40                 ; 4 KiB granular, limit 0 -> last offset 0xfff
  mov es, ax
  mov al, [es:0xfff]
  call ok
s16:
  mov dword [resume], s17
  mov byte [step], 16
  mov al, [es:0x1000]
  call ok
s17:
  mov dword [resume], s18
  mov byte [step], 17
  jmp 0x48:0x10000             ; code segment with limit 0xffff
s18:
  mov dword [resume], s19
  mov byte [step], 18
  mov ax, 0x18
  mov es, ax
  mov edi, 0xff0
  mov ecx, 8
  xor eax, eax
  rep stosd                    ; runs off the end of ES part way
  call ok
s19:
  mov eax, edi
  call hexd
  mov eax, ecx
  call hexd
  call nl32
  mov al, 0
  jmp done32

ok:
  mov al, [step]
  call hexb32
  mov al, 'k'
  call putc32
  mov al, ' '
  call putc32
  add esp, 4
  jmp [resume]

fault:                         ; vector in the handler's number, error code on the stack
  FLAT_DATA32
  mov al, [step]
  call hexb32
  mov al, 'f'
  call putc32
  mov eax, [esp]
  call hexd
  mov esp, 0x7c00
  jmp [resume]

  PROBE_HEXB32

  PROBE_ROUTINES32
  GDT_FLAT32
  dq 0x0040920200000fff        ; 0x18 data, base 0x20000, limit 0xfff, byte granular
  dq 0x0040960300000fff        ; 0x20 expand-down data, base 0x30000, limit 0xfff, B=1
  dq 0x0040920000007fff        ; 0x28 stack, limit 0x7fff
  dq 0x0040900000000fff        ; 0x30 read-only data
  dq 0x00cf98000000ffff        ; 0x38 execute-only code
  dq 0x00c0920400000000        ; 0x40 data, base 0x40000, limit 0 with 4 KiB granularity
  dq 0x00409a000000ffff        ; 0x48 32-bit code, limit 0xffff
  GDTR
  IDTR32 32
resume: dd 0
step: db 0
align 8
idt: times 32*8 db 0
  PROBE_END 3
