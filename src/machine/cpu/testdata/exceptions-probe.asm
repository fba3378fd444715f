; Exceptions in long mode, each caught by a common handler that prints the vector, the error
; code (0 when none), the low byte of CR2 for #PF, and where RIP pointed (F: the faulting
; instruction, N: the next one), then skips to the next test. Compared against QEMU.
%include "inc/boot.inc"
%include "inc/serial.inc"
bits 16
org 0x7c00
  REAL_START
  LOAD_SECTORS 6
  ENTER_PM pm
GDT_FLAT
GDTR
BOOT_SIGNATURE

bits 32
pm:
  FLAT_DATA32
  mov esp, 0x90000
  mov edi, 0x70000
  mov ecx, 0x4000/4
  xor eax, eax
  rep stosd
  mov dword [0x70000], 0x71003
  mov dword [0x71000], 0x72003
  mov dword [0x72000], 0x000083          ; 0-2 MiB
  mov dword [0x72008], 0x73003           ; 2-4 MiB: 4 KiB pages
  mov dword [0x73000], 0x200001          ; 0x200000 read-only
  mov dword [0x73008], 0x201003          ; 0x201000 writable, NX
  mov dword [0x7300c], 0x80000000
  mov dword [0x73010], 0x202007          ; 0x202000 user
  ; 0x203000 not present
  ENABLE_LONG 0x70000, lm, 0x900, 0x80010000   ; EFER: LME, NXE; CR0: PG, WP

bits 64
%macro EXPECT 1                        ; the faulting instruction follows; %1 = its length
  %push expect
  lea rax, [rel %$insn]
  mov [fault_at], rax
  add rax, %1
  mov [next_at], rax
  lea rax, [rel %$after]
  mov [resume], rax
%$insn:
%endmacro
%macro DONE 0
%$after:
  %pop
%endmacro

lm:
  mov ax, 0x10
  mov ds, ax
  mov ss, ax
  mov rsp, 0x90000
  ; all 32 exception vectors -> handler stubs that push the vector
  xor ecx, ecx
.idt:
  mov rax, stubs
  lea rax, [rax + rcx*8]
  mov rdi, rcx
  shl rdi, 4
  add rdi, 0x60000
  mov [rdi], ax
  mov word [rdi + 2], 0x18
  mov word [rdi + 4], 0x8e00
  shr rax, 16
  mov [rdi + 6], ax
  shr rax, 16
  mov [rdi + 8], eax
  mov dword [rdi + 12], 0
  inc ecx
  cmp ecx, 32
  jb .idt
  lidt [idtr]

  mov ecx, 32
  mov edx, 100
  EXPECT 2
  div ecx                                ; quotient too large: #DE
  DONE
  EXPECT 2
  ud2
  DONE
  EXPECT 1
  int3                                   ; a trap: RIP after it
  DONE
  EXPECT 2
  db 0x0f, 0xff                          ; ud0 needs a ModRM: 0f ff c0
  DONE
  mov rbx, 0x8000000000000000
  EXPECT 3
  mov byte [rbx], 0                      ; non-canonical: #GP(0)
  DONE
  EXPECT 8
  mov byte [0x200010], 1                 ; read-only page with WP: #PF 3
  DONE
  EXPECT 7
  mov al, [0x203020]                     ; not present: #PF 0
  DONE
  mov rbx, 0x201000
  EXPECT 2
  call rbx                               ; NX page: #PF 0x11 (RIP on the call's target? no: fetch of the target)
  DONE
  mov cx, 0x1234
  EXPECT 2
  mov ds, cx                             ; #GP(0x1234)
  DONE
  mov cx, 0x20
  EXPECT 2
  mov ss, cx                             ; beyond the GDT limit: #GP(0x20)
  DONE
  ; Not probed: a fault on a long-mode IDT gate (bad type, not present, beyond the limit).
  ; Bootlab reports error code vector*8+2 (the selector-format index, as Bochs and the
  ; manuals have it); QEMU reports vector*16+2.
  mov rbx, 0x202000
  EXPECT 3
  mov rax, [rbx]                         ; user page from CPL 0: fine, no fault
  DONE
  mov rsp, 0x90000
  mov al, 0x10
  out 0xf4, al
  hlt

; the handler: [rsp] = vector (pushed by the stub), then maybe an error code
handler:
  mov rbx, [rsp]                         ; vector
  xor r8d, r8d
  mov rsi, rsp
  add rsi, 8
  cmp rbx, 8
  je .err
  cmp rbx, 10
  jb .noerr
  cmp rbx, 14
  ja .noerr
.err:
  mov r8, [rsi]
  add rsi, 8
.noerr:
  ; rsi -> RIP in the frame
  mov al, 'v'
  call putc
  mov rax, rbx
  call hexb
  mov al, 'e'
  call putc
  mov rax, r8
  shr rax, 8
  call hexb
  mov rax, r8
  call hexb
  cmp rbx, 14
  jne .nocr2
  mov al, 'a'
  call putc
  mov rax, cr2
  call hexb
.nocr2:
  mov rax, [rsi]
  mov dl, 'F'
  cmp rax, [fault_at]
  je .w
  mov dl, 'N'
  cmp rax, [next_at]
  je .w
  mov dl, '?'
.w:
  mov al, dl
  call putc
  mov al, 10
  call putc
  mov rax, [resume]
  mov [rsi], rax
  mov rsp, rsi
  iretq

SERIAL_HEXB rax, rdx

align 8
stubs:
%assign v 0
%rep 32
  push byte v
  jmp near handler
  align 8
%assign v v+1
%endrep

align 8
idtr: dw 32*16-1
  dq 0x60000
fault_at: dq 0
next_at: dq 0
resume: dq 0
times 3584-($-$$) db 0
