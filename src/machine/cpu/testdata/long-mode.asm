; Real mode -> protected mode -> long mode with 4-level paging, then a #PF through the IDT
; (CR2 and error code reported on the serial port), then isa-debug-exit.
%include "inc/boot.inc"
%include "inc/longmode.inc"
bits 16
org 0x7c00
start:
  REAL_START
  in al, 0x92            ; A20 on
  or al, 2
  out 0x92, al
  lgdt [gdtr]
  mov eax, cr0
  or eax, 1
  mov cr0, eax
  jmp 0x08:pm32

bits 32
pm32:
  FLAT_DATA32
  mov esp, 0x90000
  ; page tables at 0x10000: PML4 -> PDPT -> PD with 2 MiB pages for the first 4 MiB,
  ; and one 4 KiB table for 0x400000-0x5fffff (page 0x401000 left not present).
  mov edi, 0x10000
  mov ecx, 0x4000/4
  xor eax, eax
  rep stosd
  mov dword [0x10000], 0x11003
  mov dword [0x11000], 0x12003
  mov dword [0x12000], 0x000083
  mov dword [0x12008], 0x200083
  mov dword [0x12010], 0x13003          ; 0x400000: 4 KiB pages
  mov dword [0x13000], 0x400003         ; 0x400000 present
  ENABLE_LONG 0x10000, lm64, (1 << 8) | (1 << 11)   ; EFER: LME, NXE

bits 64
lm64:
  mov ax, 0x10
  mov ds, ax
  mov ss, ax
  mov rsp, 0x90000
  lidt [idtr]
  ; IDT entry 14 -> pf_handler
  mov rax, pf_handler
  mov word [idt + 14*16], ax
  mov word [idt + 14*16 + 2], 0x18
  mov word [idt + 14*16 + 4], 0x8e00
  shr rax, 16
  mov word [idt + 14*16 + 6], ax
  mov dword [idt + 14*16 + 8], 0
  ; write to VGA
  mov rdi, 0xb8000
  mov rax, 0x0f340f360f4b0f4f           ; "OK64" white on black
  mov [rdi], rax
  ; 128-bit multiply and a divide
  mov rax, 0xffffffffffffffff
  mov rbx, 3
  mul rbx
  mov [result], rdx
  ; touch a non-present page
  mov rax, [0x401008]
  mov al, 'E'                           ; not reached if the handler skips
  jmp finish
pf_handler:
  pop rbx                               ; error code
  mov rcx, cr2
  mov dx, 0x3f8
  mov al, 'P'
  out dx, al
  mov al, bl
  add al, '0'
  out dx, al
  mov al, ':'
  out dx, al
  mov rax, rcx
  shr rax, 12
  and al, 0xf
  add al, '0'
  out dx, al
  mov rax, finish
  mov [rsp], rax                        ; return to finish
  iretq
finish:
  mov dx, 0x3f8
  mov al, 'D'
  out dx, al
  mov al, 0x21
  out 0xf4, al
  hlt

  GDT_FLAT32
  dq 0x00af9a000000ffff                  ; 0x18 code64
  GDTR
  IDTR64
result: dq 0
BOOT_SIGNATURE
idt equ 0x20000
