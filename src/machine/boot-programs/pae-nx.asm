; PAE paging in 32-bit protected mode as a PAE kernel sets it up: a 4-entry PDPT, 2 MiB pages
; and a 4 KiB page table, EFER.NXE with a no-execute page (#PF with the instruction-fetch bit,
; error code 0x11), a 64-bit PTE with the high address bits zero, a read-only page written from
; ring 0 with CR0.WP set (error code 3), the dirty bit on a 2 MiB page, and reserved bits set
; in a PTE (#PF with RSVD, error code 9... as QEMU reports it).
%include "inc/probe.inc"
%include "inc/boot.inc"
  PROBE_PROGRAM 3
  PROBE_PM32 pm
  FLAT_DATA32
  mov esp, 0x7000
  mov eax, pf_handler
  mov [idt + 14*8], ax
  mov word [idt + 14*8 + 2], 0x08
  mov word [idt + 14*8 + 4], 0x8e00
  shr eax, 16
  mov [idt + 14*8 + 6], ax
  lidt [idtr]
  ; PDPT at 0x20000 (32-byte aligned), PD at 0x21000, PT at 0x22000
  mov edi, 0x20000
  mov ecx, 0x3000/4
  xor eax, eax
  rep stosd
  mov dword [0x20000], 0x21001             ; PDPTE 0 (P only: no R/W in a PDPTE)
  mov dword [0x21000], 0x00000083          ; 0-2 MiB, 2 MiB page
  mov dword [0x21008], 0x00200083          ; 2-4 MiB
  mov dword [0x21010], 0x22003             ; 4-6 MiB: page table
  mov dword [0x22000], 0x00100003          ; 0x400000 -> 0x100000
  mov dword [0x22008], 0x00101001          ; 0x401000 read-only
  mov dword [0x22010], 0x00102003
  mov dword [0x22014], 0x80000000          ; 0x402000 NX, writable
  mov dword [0x22018], 0x00103003
  mov dword [0x2201c], 0x00080000          ; 0x403000: a reserved address bit (bit 51)
  mov byte [0x102000], 0xc3                ; ret, on the NX page
  mov byte [0x100000], 0xc3
  mov eax, cr4
  or eax, 0x20                 ; PAE
  mov cr4, eax
  mov ecx, 0xc0000080
  rdmsr
  or eax, 0x800                ; NXE
  wrmsr
  mov eax, 0x20000
  mov cr3, eax
  mov eax, cr0
  or eax, 0x80010000           ; PG, WP
  mov cr0, eax
  jmp .on
.on:
  mov eax, [0x400000]
  call hexd
  call 0x400000                ; executable: returns
  mov al, 'x'
  call putc32
  mov dword [resume], .r1
  call 0x402000                ; NX
.r1:
  mov dword [resume], .r2
  mov byte [0x401000], 1       ; read-only with WP
.r2:
  mov dword [resume], .r3
  mov eax, [0x403000]          ; reserved bit
.r3:
  call nl32
  mov eax, [0x21008]
  and eax, 0x60
  call hexd
  mov byte [0x200000], 1
  mov eax, [0x21008]
  and eax, 0x60
  call hexd
  mov eax, [0x22010]
  and eax, 0x60
  call hexd                    ; the NX page was fetched from: accessed? (not, it faulted)
  call nl32
  mov al, 0
  jmp done32

  PROBE_PF_HANDLER32
  PROBE_ROUTINES32
  GDT_FLAT32
  GDTR
  IDTR32 32
resume: dd 0
align 8
idt: times 32*8 db 0
  PROBE_END 3
