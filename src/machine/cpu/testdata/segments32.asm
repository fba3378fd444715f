; Segments in 32-bit protected mode: a data segment with a nonzero base through FS, an
; expand-up segment base wrap, segment overrides on string instructions, a 16-bit stack
; segment (SS.B = 0: push/pop use SP), lar/lsl/verr/verw on several selectors. Prints hex
; on COM1.
%include "inc/boot.inc"
%include "inc/serial.inc"
bits 16
org 0x7c00
  REAL_START
  ENTER_PM pm
bits 32
pm:
  FLAT_DATA32
  mov esp, 0x90000
  mov ax, 0x18                 ; base 0x20000
  mov fs, ax
  mov dword [0x20010], 0x11223344
  mov eax, [fs:0x10]
  call hexd
  mov dword [fs:0x20], 0x55667788
  mov eax, [0x20020]
  call hexd
  ; movs with a segment override on the source
  mov esi, 0x10
  mov edi, 0x30000
  mov ecx, 1
  fs rep movsd
  mov eax, [0x30000]
  call hexd
  ; a 16-bit stack segment: push/pop move SP only
  mov ax, 0x20                 ; 16-bit data segment, base 0x40000
  mov ss, ax
  mov esp, 0x12340100
  push dword 0xcafe
  mov eax, esp
  call hexd                    ; 123400fc
  mov eax, [0x400fc]
  call hexd                    ; cafe
  pop eax
  mov ax, 0x10
  mov ss, ax
  mov esp, 0x90000
  ; lar / lsl / verr / verw (not on 0x08: loading CS sets its accessed bit on hardware and in
  ; Bootlab, QEMU leaves it clear)
  mov ebx, 0x18
  call probe
  mov ebx, 0x20
  call probe
  mov ebx, 0x48                ; beyond the GDT limit
  call probe
  mov ebx, 0x28                ; code, execute-only
  call probe
  mov al, 0x10
  out 0xf4, al
  hlt

probe:
  xor eax, eax
  lar eax, ebx
  setz cl
  call hexd
  xor eax, eax
  lsl eax, ebx
  setz ch
  call hexd
  verr bx
  setz dl
  verw bx
  setz dh
  movzx eax, cx
  shl eax, 16
  mov ax, dx
  call hexd
  mov al, 10
  jmp putc

SERIAL_HEX hexd, ecx, eax, 8
SERIAL_PUTC edx
  GDT_FLAT32
  dq 0x00cf92020000ffff        ; 0x18 data, base 0x20000
  dq 0x000092040000ffff        ; 0x20 16-bit data, base 0x40000, byte granular
  dq 0x00cf98000000ffff        ; 0x28 code32, execute-only
  GDTR
BOOT_SIGNATURE
