; Paging probe in long mode: a 1 GiB page (virtual 512 GiB -> physical 0), a 2 MiB page,
; 4 KiB pages in the higher half (0xffffffff80000000 -> physical 0x100000), accessed and dirty
; bits after reads and writes, a remap made visible by invlpg, CR3 reload, and the same byte
; read through three mappings. Reports on COM1.
%include "inc/boot.inc"
%include "inc/serial.inc"
bits 16
org 0x7c00
  REAL_START
  LOAD_SECTORS 3
  ENTER_PM pm
GDT_FLAT
GDTR
BOOT_SIGNATURE

bits 32
pm:
  FLAT_DATA32
  mov esp, 0x90000
  mov edi, 0x10000
  mov ecx, 0x8000/4
  xor eax, eax
  rep stosd
  mov dword [0x10000], 0x11003          ; PML4[0] -> PDPT0
  mov dword [0x10008], 0x13003          ; PML4[1] -> PDPT1 (512 GiB)
  mov dword [0x10ff8], 0x14003          ; PML4[511] -> PDPT2 (higher half)
  mov dword [0x11000], 0x12003          ; PDPT0[0] -> PD0
  mov dword [0x12000], 0x000083         ; 0-2 MiB: 2 MiB page
  mov dword [0x13000], 0x000083         ; PDPT1[0]: 1 GiB page -> 0
  mov dword [0x14ff0], 0x15003          ; PDPT2[510] -> PD2 (0xffffffff80000000)
  mov dword [0x15000], 0x16003          ; PD2[0] -> PT2
  mov dword [0x16000], 0x100003         ; PT2[0] -> 0x100000
  mov dword [0x16008], 0x101003         ; PT2[1] -> 0x101000
  ENABLE_LONG 0x10000, lm

bits 64
lm:
  mov ax, 0x10
  mov ds, ax
  mov ss, ax
  mov rsp, 0x90000
  ; the same byte through three mappings
  mov byte [0x100010], 'a'
  mov rbx, 0xffffffff80000010
  mov al, [rbx]
  call putc                             ; 'a' through 4 KiB page
  mov rbx, 0x8000000000 + 0x100010
  mov al, [rbx]
  call putc                             ; 'a' through the 1 GiB page
  mov byte [rbx], 'b'
  mov al, [0x100010]
  call putc                             ; 'b'
  ; accessed/dirty bits: PT2[0] was read and (through the 1 GiB page) not written; write now
  mov eax, [0x16000]
  call hexb                             ; A set (0x23)
  mov rbx, 0xffffffff80000000
  mov byte [rbx + 0x20], 1
  mov eax, [0x16000]
  call hexb                             ; A and D (0x63)
  mov eax, [0x13000]
  call hexb                             ; 1 GiB page: A, D (0xe3)
  mov eax, [0x10ff8]
  call hexb                             ; upper levels: A (0x23)
  ; remap PT2[0] to 0x101000: stale until invlpg
  mov byte [0x101010], 'c'
  mov dword [0x16000], 0x101003
  mov rbx, 0xffffffff80000010
  invlpg [rbx]
  mov al, [rbx]
  call putc                             ; 'c'
  ; CR3 reload and a second mapping of PT2[1]
  mov dword [0x16008], 0x100003
  mov rax, cr3
  mov cr3, rax
  mov rbx, 0xffffffff80001010
  mov al, [rbx]
  call putc                             ; 'b'
  mov al, 0x10
  out 0xf4, al
  hlt

SERIAL_HEXB rax, rdx
times 2048-($-$$) db 0
