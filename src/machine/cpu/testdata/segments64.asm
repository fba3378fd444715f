; Segments in 64-bit mode: DS/ES/SS bases ignored, FS/GS bases from the descriptor and from
; the MSRs (wrmsr after mov fs keeps the MSR value), a null SS at CPL 0, segment overrides on
; rip-relative and string operands, and mov from segment registers. Prints on COM1.
%include "inc/boot.inc"
%include "inc/serial.inc"
bits 16
org 0x7c00
  REAL_START
  LOAD_SECTORS 2
  ENTER_PM pm
GDT_FLAT
  dq 0x00cf92100000ffff          ; 0x20: data, base 0x100000
GDTR
BOOT_SIGNATURE
bits 32
pm:
  ENTER_LONG lm
bits 64
lm:
  mov rsp, 0x90000
  mov byte [0x100010], 'F'
  mov byte [0x000010], 'x'
  mov ax, 0x20                   ; base 0x100000 in the descriptor
  mov ds, ax                     ; ignored for DS in 64-bit mode
  mov al, [0x10]
  call putc                      ; 'x'
  mov ax, 0x20
  mov fs, ax                     ; used for FS
  mov al, [fs:0x10]
  call putc                      ; 'F'
  mov byte [0x180010], 'G'          ; (the first 2 MiB are mapped)
  mov ecx, 0xc0000101            ; GS base MSR
  mov eax, 0x180000
  xor edx, edx
  wrmsr
  mov al, [gs:0x10]
  call putc                      ; 'G'
  mov ecx, 0xc0000100            ; FS base MSR overrides the descriptor's
  mov eax, 0x180000
  wrmsr
  mov al, [fs:0x10]
  call putc                      ; 'G'
  rdmsr
  shr eax, 16
  add al, 'A' - 0x18
  call putc                      ; 'A'
  ; null SS at CPL 0 is allowed in 64-bit mode
  xor eax, eax
  mov ss, ax
  push 'S'
  pop rax
  call putc
  mov ax, ss
  add al, '0'
  call putc                      ; '0'
  ; fs override on a string source
  mov rsi, 0x10
  mov rdi, 0x1000
  mov ecx, 1
  fs movsb
  mov al, [0x1000]
  call putc                      ; 'G'
  mov ax, fs
  add al, '0' - 0x20
  call putc                      ; '0'
  mov al, 0x10
  out 0xf4, al
  hlt
SERIAL_PUTC rdx
times 1024-($-$$) db 0
