; Compatibility mode and transitions: paging turned on while running 32-bit code (LMA=1 with a
; 32-bit CS), retf into 64-bit code, a far return (retfq) back to 32-bit compatibility code,
; syscall/sysret between ring 0 and ring 3 (64-bit), swapgs and the GS base MSRs, rdtsc
; advancing, and a zero-limit IDT during the switch. Reports on COM1.
%include "inc/boot.inc"
bits 16
org 0x7c00
  REAL_START
  LOAD_SECTORS 3
  lidt [zero_idt]
  ENTER_PM pm
zero_idt: dw 0
  dd 0
BOOT_SIGNATURE

bits 32
pm:
  FLAT_DATA32
  mov esp, 0x90000
  PAGE_TABLES_2M 4
  mov eax, cr4
  or eax, 0x20
  mov cr4, eax
  mov eax, 0x70000
  mov cr3, eax
  mov ecx, 0xc0000080
  rdmsr
  or eax, 0x101                       ; LME, SCE
  wrmsr
  mov eax, cr0
  or eax, 0x80000000
  mov cr0, eax
  ; now in compatibility mode: 32-bit code with LMA = 1
  mov ecx, 0xc0000080
  rdmsr
  shr eax, 10
  and al, 1
  add al, '0'
  mov dx, 0x3f8
  out dx, al                          ; '1': LMA
  push dword 0x18
  push dword lm
  retf                                ; into 64-bit code

bits 64
lm:
  mov ax, 0x10
  mov ds, ax
  mov ss, ax
  mov rsp, 0x90000
  mov dx, 0x3f8
  mov al, 'L'
  out dx, al
  ; far return to 32-bit compatibility code and back again
  push 0x08
  mov rax, compat
  push rax
  retfq
bits 32
compat:
  mov dx, 0x3f8
  mov al, 'C'
  out dx, al
  push dword 0x18
  push dword lm2
  retf
bits 64
lm2:
  mov al, 'B'
  out dx, al
  ; GS base and swapgs
  mov ecx, 0xc0000101
  mov eax, 0x1000
  xor edx, edx
  wrmsr
  mov ecx, 0xc0000102
  mov eax, 0x2000
  wrmsr
  mov qword [0x1000], 'g'
  mov qword [0x2000], 'k'
  mov al, [gs:0]
  mov dx, 0x3f8
  out dx, al                          ; 'g'
  swapgs
  mov al, [gs:0]
  out dx, al                          ; 'k'
  swapgs
  ; rdtsc advances
  rdtsc
  mov r8d, eax
  mov ecx, 100
.spin: loop .spin
  rdtsc
  sub eax, r8d
  cmp eax, 100
  mov al, 'T'
  jae .tsc_ok
  mov al, 't'
.tsc_ok:
  mov dx, 0x3f8
  out dx, al
  ; syscall/sysret: STAR: kernel CS 0x18 (SS 0x20), user base 0x28 (CS 0x38, SS 0x30)
  mov ecx, 0xc0000081
  xor eax, eax
  mov edx, 0x00280018
  wrmsr
  mov ecx, 0xc0000082
  mov rax, syscall_entry
  mov rdx, rax
  shr rdx, 32
  wrmsr
  mov ecx, 0xc0000084
  mov eax, 0x200                      ; SFMASK: clear IF
  xor edx, edx
  wrmsr
  mov rcx, user
  mov r11, 0x2
  o64 sysret
user:
  mov rax, cs
  and al, 3
  add al, '0'
  mov r12, rax
  syscall
  jmp $
syscall_entry:
  mov dx, 0x3f8
  mov rax, r12
  out dx, al                          ; '3': sysret reached ring 3
  mov rax, cs
  add al, '0' - 0x18
  out dx, al                          ; '0': back in ring 0 with CS = 0x18
  mov al, 0x10
  out 0xf4, al
  hlt

  GDT_FLAT32
  dq 0x00af9a000000ffff               ; 0x18 code64
  dq 0x00cf92000000ffff               ; 0x20 kernel data (syscall SS)
  dq 0x00cffa000000ffff               ; 0x28 user code32 (unused)
  dq 0x00cff2000000ffff               ; 0x30 user data (sysret SS)
  dq 0x00affa000000ffff               ; 0x38 user code64 (sysret CS)
  GDTR
times 2048-($-$$) db 0
