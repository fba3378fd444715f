; 32-bit protected mode with privilege levels: iret to ring 3, int 0x80 through a DPL-3
; trap gate switching to SS0:ESP0 from a 32-bit TSS (SS:ESP of ring 3 pushed), cli from
; ring 3 faulting with #GP(0) (IOPL 0), a far return back to ring 3, and an iret with the
; ring-3 frame. Reports on COM1.
%include "inc/boot.inc"
bits 16
org 0x7c00
  REAL_START
  LOAD_SECTORS 3
  ENTER_PM pm
BOOT_SIGNATURE

bits 32
pm:
  FLAT_DATA32
  mov esp, 0x90000
  ; TSS at 0x5000: esp0 = 0x80000, ss0 = 0x10
  mov dword [0x5004], 0x80000
  mov dword [0x5008], 0x10
  mov ax, 0x28
  ltr ax
  ; IDT at 0x6000: 0x80 trap gate DPL 3; 13 interrupt gate DPL 0
  mov eax, int80
  mov [0x6000 + 0x80*8], ax
  mov word [0x6000 + 0x80*8 + 2], 0x08
  mov word [0x6000 + 0x80*8 + 4], 0xef00
  shr eax, 16
  mov [0x6000 + 0x80*8 + 6], ax
  mov eax, gp
  mov [0x6000 + 13*8], ax
  mov word [0x6000 + 13*8 + 2], 0x08
  mov word [0x6000 + 13*8 + 4], 0x8e00
  shr eax, 16
  mov [0x6000 + 13*8 + 6], ax
  lidt [idtr]
  push dword 0x23                      ; user data | 3
  push dword 0x70000                   ; user stack
  push dword 0x002                     ; eflags, IOPL 0, IF 0
  push dword 0x1b                      ; user code | 3
  push dword user
  iret

user:
  mov ax, 0x23
  mov ds, ax
  mov eax, 0x1234
  int 0x80
  mov dx, 0x3f8
fault_here:
  out dx, al                           ; IOPL 0, CPL 3: #GP(0)
  cli                                  ; not reached (the #GP handler ends the test)
  jmp $

int80:
  mov dx, 0x3f8
  mov eax, [esp + 4]                   ; cs
  and al, 3
  add al, '0'
  out dx, al                           ; '3'
  mov eax, [esp + 12]                  ; user esp
  cmp eax, 0x70000
  mov al, 'E'
  je .e
  mov al, 'e'
.e:
  out dx, al
  mov eax, [esp + 16]                  ; user ss
  add al, '0' - 0x20
  out dx, al                           ; '3'
  mov eax, esp
  cmp eax, 0x80000 - 20
  mov al, 'K'
  je .k
  mov al, 'k'
.k:
  out dx, al
  iret

gp:
  mov dx, 0x3f8
  mov al, 'G'
  out dx, al
  mov eax, [esp]                       ; error code
  add al, '0'
  out dx, al
  mov eax, [esp + 4]                   ; faulting eip
  cmp eax, fault_here
  mov al, 'F'
  je .f
  mov al, 'f'
.f:
  out dx, al
  mov ax, ss
  add al, '0' - 0x10
  out dx, al                           ; '0': on the ring-0 stack
  mov al, 0x10
  out 0xf4, al
  hlt

  GDT_FLAT32
  dq 0x00cffa000000ffff                ; 0x18 ring-3 code
  dq 0x00cff2000000ffff                ; 0x20 ring-3 data
  dw 0x67, 0x5000, 0x8900, 0x0000      ; 0x28 32-bit TSS
  GDTR
idtr:
  dw 0x7ff
  dd 0x6000
times 2048-($-$$) db 0
