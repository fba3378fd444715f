; Long mode, then ring 3 through iretq; int 0x80 from ring 3 switches to RSP0 from the TSS;
; a write from ring 3 to a supervisor page faults with error code 7; the #PF handler runs on
; IST1. Reports on COM1, then isa-debug-exit with 0x10.
%include "inc/boot.inc"
%include "inc/longmode.inc"
bits 16
org 0x7c00
  REAL_START
  ; load 2 more sectors (the rest of this program) to 0x7e00
  mov ah, 0x02
  mov al, 2
  mov ch, 0
  mov cl, 2
  mov dh, 0
  mov bx, 0x7e00
  int 0x13
  jc fail16
  ENTER_PM pm
fail16:
  hlt
BOOT_SIGNATURE

bits 32
pm:
  FLAT_DATA32
  mov edi, 0x10000
  mov ecx, 0x3000/4
  xor eax, eax
  rep stosd
  mov dword [0x10000], 0x11007          ; user-accessible all the way down
  mov dword [0x11000], 0x12007
  mov dword [0x12000], 0x000087          ; 0-2 MiB user
  mov dword [0x12008], 0x200083          ; 2-4 MiB supervisor only
  ENABLE_LONG 0x10000, lm, 0x100, 0x80010000   ; CR0: PG, WP

bits 64
lm:
  FLAT_DATA32
  mov rsp, 0x90000
  ; TSS at 0x5000: rsp0 = 0x80000, ist1 = 0x70000
  mov qword [0x5004], 0x80000
  mov qword [0x5024], 0x70000
  mov ax, 0x30
  ltr ax
  ; IDT at 0x6000: 0x80 (DPL 3 trap gate), 14 (interrupt gate, IST 1)
  mov rdi, 0x80
  mov rsi, int80
  mov edx, 0xef00
  call setgate
  mov rdi, 14
  mov rsi, pf
  mov edx, 0x8e01
  call setgate
  lidt [idtr]
  ; to ring 3
  push 0x2b                              ; ss = user data | 3
  push 0x1ff000                          ; user stack (in the user 2 MiB)
  push 0x202                             ; rflags with IF
  push 0x23                              ; cs = user code | 3
  push user
  iretq

IDT64_SETGATE 0x6000

user:
  mov r12, rsp
  int 0x80
  mov byte [0x300000], 1                 ; supervisor page: #PF, error 7
  jmp user                               ; not reached

int80:
  mov dx, 0x3f8
  mov rax, [rsp + 8]                     ; cs
  and al, 3
  add al, '0'
  out dx, al                             ; '3': came from ring 3
  mov rax, rsp
  cmp rax, 0x80000 - 40
  mov al, 'S'
  je .ok
  mov al, 's'
.ok:
  out dx, al                             ; 'S': on RSP0 with the 5-word frame
  mov ax, cs
  and al, 3
  add al, '0'
  out dx, al                             ; '0': now in ring 0
  iretq

pf:
  mov dx, 0x3f8
  mov al, 'F'
  out dx, al
  pop rax                                ; error code
  add al, '0'
  out dx, al                             ; '7'
  mov rax, rsp
  shr rax, 12
  cmp rax, 0x6f
  mov al, 'I'
  je .ist
  mov al, 'i'
.ist:
  out dx, al                             ; 'I': on the IST stack
  mov rax, cr2
  cmp rax, 0x300000
  mov al, 'C'
  je .cr2
  mov al, 'c'
.cr2:
  out dx, al
  mov al, 0x10
  out 0xf4, al
  hlt

align 16
gdt:
  dq 0
  dq 0x00cf9a000000ffff                  ; 0x08 code32
  dq 0x00cf92000000ffff                  ; 0x10 data
  dq 0x00af9a000000ffff                  ; 0x18 code64
  dq 0x00affa000000ffff                  ; 0x20 user code64 (selector 0x23)
  dq 0x00cff2000000ffff                  ; 0x28 user data (selector 0x2b)
  dw 0x67, 0x5000, 0x8900, 0             ; 0x30 TSS (64-bit, 16 bytes)
  dq 0
  GDTR
idtr:
  dw 0xfff
  dq 0x6000
times 1536-($-$$) db 0
