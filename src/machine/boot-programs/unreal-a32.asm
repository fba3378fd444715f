; Unreal mode as loaders use it to reach memory above 1 MiB from 16-bit code: a 4 GiB limit
; loaded into DS/ES/FS in protected mode, back to real mode, then 32-bit address-size
; instructions: mov through [esi] and [edi+ecx*4] above 1 MiB, a32 rep movsd copying a
; kernel-sized block from below 1 MiB to 16 MiB, a32 lodsd/stosd, a 32-bit displacement,
; a segment reloaded in real mode keeping its 4 GiB limit (base = selector * 16), and
; int 13h AH=42h reading a sector to a low buffer that is then copied up.
%include "inc/probe.inc"
%include "inc/boot.inc"
  PROBE_PROGRAM 2
  in al, 0x92
  or al, 2
  out 0x92, al
  push ds
  push es
  lgdt [gdtr]
  mov eax, cr0
  or al, 1
  mov cr0, eax
  jmp 0x08:.pm
.pm:
  mov bx, 0x10
  mov ds, bx
  mov es, bx
  mov fs, bx
  and al, 0xfe
  mov cr0, eax
  jmp 0:.rm
.rm:
  pop es
  pop ds
  xor ax, ax
  mov fs, ax
  ; plain 32-bit addressing above 1 MiB
  mov esi, 0x200000
  mov dword [esi], 0x12345678
  mov eax, [dword 0x200000]
  call hexd16
  mov edi, 0x300000
  mov ecx, 5
  mov dword [edi + ecx*4], 0xcafe0005
  mov eax, [fs:dword 0x300014]
  call hexd16
  ; rep movsd of 64 KiB from 0x10000 to 16 MiB
  mov edi, 0x10000
  mov ecx, 0x4000
  mov eax, 0x01010101
.fill:
  a32 stosd
  add eax, 0x01010101
  loop .fill, ecx
  mov esi, 0x10000
  mov edi, 0x1000000
  mov ecx, 0x4000
  cld
  a32 rep movsd
  mov eax, esi
  call hexd16
  mov eax, edi
  call hexd16
  mov eax, [dword 0x1000000 + 0xfffc]
  call hexd16
  ; lodsd above 1 MiB
  mov esi, 0x1000010
  a32 lodsd
  call hexd16
  call nl
  ; reload ES in real mode: base 0x2000 * 16, the 4 GiB limit stays
  mov ax, 0x2000
  mov es, ax
  mov dword [es:dword 0x100000], 0x600d600d  ; linear 0x120000
  mov eax, [dword 0x120000]
  call hexd16
  ; EDD read of sector 1 (the second sector of this image) to 0x8000, copied to 32 MiB
  mov ah, 0x42
  mov dl, [boot_drive]
  mov si, dap
  int 0x13
  setc al
  call hexb2
  mov esi, 0x8000
  mov edi, 0x2000000
  mov ecx, 128
  xor ax, ax
  mov es, ax
  a32 rep movsd
  mov ax, [dword 0x2000000]
  call hexw                    ; the first bytes of main
  call nl
  mov al, 0
  jmp done
dap: db 16, 0
  dw 1
  dw 0x8000, 0
  dq 1
  PROBE_ROUTINES16
align 8
gdt:
  dq 0
  dq 0x00009a000000ffff        ; 16-bit code
  dq 0x00cf92000000ffff        ; 4 GiB data
  GDTR
  PROBE_END 2
