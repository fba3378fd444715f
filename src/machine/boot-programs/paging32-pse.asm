; 32-bit paging without PAE as a hobby kernel sets it up: 4 MiB pages (CR4.PSE) identity-
; mapping the first 8 MiB, a 4 KiB page table mapping an alias window at 0xC0000000, the
; accessed and dirty bits read back from the PDE and PTEs after a read and after a write,
; CR0.WP off (ring 0 writes a read-only page) and on (#PF with error code 3), a not-present
; page (#PF, error code 0 or 2, CR2), a user-mode-only check (U/S) from ring 0 (allowed), a
; remapped PTE seen after invlpg, and a CR3 reload flushing everything.
%include "inc/probe.inc"
%include "inc/boot.inc"
  PROBE_PROGRAM 3
  PROBE_PM32 pm
  FLAT_DATA32
  mov esp, 0x7000
  mov edi, idt
  mov eax, pf_handler
  mov [edi + 14*8], ax
  mov word [edi + 14*8 + 2], 0x08
  mov word [edi + 14*8 + 4], 0x8e00
  shr eax, 16
  mov [edi + 14*8 + 6], ax
  lidt [idtr]
  ; page directory at 0x20000, page table at 0x21000
  mov edi, 0x20000
  mov ecx, 2048
  xor eax, eax
  rep stosd
  mov dword [0x20000], 0x00000083          ; 0-4 MiB, 4 MiB page, writable
  mov dword [0x20004], 0x00400083          ; 4-8 MiB
  mov dword [0x20000 + 0x300*4], 0x21003   ; 0xC0000000: page table
  mov dword [0x21000], 0x00100003          ; 0xC0000000 -> 0x100000, writable
  mov dword [0x21004], 0x00101001          ; 0xC0001000 -> 0x101000, read-only
  mov dword [0x21008], 0x00102000          ; 0xC0002000: not present
  mov dword [0x100000], 0x11111111
  mov dword [0x101000], 0x22222222
  mov dword [0x103000], 0x33333333
  mov eax, 0x20000
  mov cr3, eax
  mov eax, cr4
  or eax, 0x10                 ; PSE
  mov cr4, eax
  mov eax, cr0
  or eax, 0x80000000
  mov cr0, eax
  jmp .flush
.flush:
  mov eax, [0x20000]
  and eax, 0x60
  call hexd                    ; A (and D?) on the 4 MiB PDE we run in
  mov eax, [0x20004]
  and eax, 0x60
  call hexd                    ; untouched
  mov eax, [0xc0000000]
  call hexd
  mov eax, [0x21000]
  and eax, 0x60
  call hexd                    ; accessed
  mov dword [0xc0000000], 0x44444444
  mov eax, [0x21000]
  and eax, 0x60
  call hexd                    ; accessed + dirty
  mov eax, [0x20000 + 0x300*4]
  and eax, 0x60
  call hexd                    ; the PDE of a table: accessed, never dirty
  call nl32
  ; WP off: ring 0 writes the read-only page
  mov dword [0xc0001000], 0x55555555
  mov eax, [0x101000]
  call hexd
  ; WP on
  mov eax, cr0
  or eax, 0x10000
  mov cr0, eax
  mov dword [resume], .after_wp
  mov dword [0xc0001000], 0x66666666
.after_wp:
  mov eax, [0x101000]
  call hexd
  ; not present: read then write
  mov dword [resume], .after_np1
  mov eax, [0xc0002000]
.after_np1:
  mov dword [resume], .after_np2
  mov dword [0xc0002abc], 1
.after_np2:
  call nl32
  ; remap 0xC0000000 to 0x103000 without invlpg, then with it
  mov eax, [0xc0000000]        ; the old mapping is in the TLB
  mov dword [0x21000], 0x00103003
  invlpg [0xc0000000]
  mov eax, [0xc0000000]
  call hexd
  ; map 0xC0002000 and flush by reloading CR3
  mov dword [0x21008], 0x00100003
  mov eax, cr3
  mov cr3, eax
  mov eax, [0xc0002000]
  call hexd
  ; 4 MiB page aliasing: PDE 2 maps 8-12 MiB onto 0-4 MiB
  mov dword [0x20008], 0x00000083
  mov eax, cr3
  mov cr3, eax
  mov dword [0x5000], 0x77777777
  mov eax, [0x805000]
  call hexd
  ; CR4.PSE off: the PS bit is ignored... not tested (undefined for bit 7 in PDEs); CR2 kept
  mov eax, cr2
  call hexd
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
