; A page-fault handler that faults itself, as a buggy kernel's does: every #PF handler run
; touches an unmapped page again, so the faults nest and their frames pile up on the stack
; until a frame no longer fits on the mapped stack page: that #PF cannot be delivered and
; becomes a double fault (error code 0), handled on an IST stack; its handler prints how many
; #PFs nested, the faulting address of the first, CR2 (the stack address that failed) and the
; saved RSP. Also: a stale TLB entry after a PTE change without invlpg, as QEMU keeps it.
%include "inc/probe.inc"
%include "inc/boot.inc"
%include "inc/longmode.inc"
  PROBE_PROGRAM 12
  PROBE_PM32 pm32
  FLAT_DATA32
  mov esp, 0x7000
  ; 4-level paging: first 2 MiB by one 2 MiB page, and 0x200000-0x3fffff by 4 KiB pages
  ; of which only 0x201000 (the fault stack) and 0x202000 (a data page) are present
  mov edi, 0x70000
  mov ecx, 0x4000/4
  xor eax, eax
  rep stosd
  mov dword [0x70000], 0x71003
  mov dword [0x71000], 0x72003
  mov dword [0x72000], 0x83
  mov dword [0x72008], 0x73003
  mov dword [0x73008], 0x201003
  mov dword [0x73010], 0x202003
  ENABLE_LONG 0x70000, lm
bits 64
lm:
  FLAT_DATA32
  mov rsp, 0x7000
  mov qword [tss + 0x24], 0x6000         ; IST1
  TSS64_BASE
  mov ax, 0x28
  ltr ax
  mov rdi, 14
  mov rsi, pf_h
  mov dx, 0x8e00
  call setgate
  mov rdi, 8
  mov rsi, df_h
  mov dx, 0x8e01
  call setgate
  lidt [idtr]
  ; stale TLB: read 0x202000 (TLB filled), point its PTE at physical 0x5000, read again
  ; without invlpg, then with it
  mov qword [0x202000], 0x1111
  mov qword [0x5000], 0x2222
  mov rax, [0x202000]
  call hexq
  mov dword [0x73010], 0x5003
  mov rax, [0x202000]          ; QEMU: still the old page
  call hexq
  invlpg [0x202000]
  mov rax, [0x202000]
  call hexq
  call nl64
  ; the recursion: stack at the top of the mapped page 0x201000, nothing mapped below
  mov rsp, 0x202000
  mov qword [count], 0
  mov rax, 0x300000
  mov rbx, [rax]
  jmp $

pf_h:
  inc qword [count]
  mov rax, 0x300000 + 0x1000
  mov rbx, [rax]               ; faults again, inside the handler
  jmp $

df_h:
  mov al, 'D'
  call putc64
  mov rax, [rsp]
  call hexq                    ; error code
  mov rax, [count]
  call hexq                    ; nested #PFs: 0x1000 / 48 bytes per frame = 85
  mov rax, cr2
  call hexq
  mov rax, [rsp + 32]
  call hexq                    ; the RSP when the failed #PF came
  call nl64
  mov al, 0
  mov dx, 0xf4
  out dx, al
  hlt

  IDT64_SETGATE idt
  PROBE_PUTC64
  PROBE_HEXQ
  PROBE_NL64
  GDT_FLAT32
  dq 0x00af9a000000ffff        ; 0x18
  dq 0                         ; 0x20
  TSS64_DESCRIPTOR
  GDTR
  IDTR64
count: dq 0
align 16
tss: times 0x68 db 0
align 16
idt: times 256*16 db 0
  PROBE_END 12
