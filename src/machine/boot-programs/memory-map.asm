; The memory map a boot loader asks for: every int 15h E820 entry below 4 GiB (24-byte buffer,
; then the continuation value until it is 0; QEMU on an AMD host adds a reserved range at
; 1012 GiB, which this program counts but does not print), E801 (AX/BX and CX/DX), AH=88h, int 12h and the BDA word
; at 0x413; an E820 call with a wrong signature fails.
%include "inc/probe.inc"
  PROBE_PROGRAM 2
  xor ebx, ebx
  xor bp, bp
.next:
  mov di, 0x6000
  mov dword [di + 20], 1       ; ACPI 3.0 attributes: "valid"
  mov eax, 0xe820
  mov ecx, 24
  mov edx, 0x534d4150
  int 0x15
  jc .end
  push ebx
  cmp dword [di + 4], 0
  jne .skip
  cmp eax, 0x534d4150
  setne al
  call hexb2
  mov eax, [di + 4]
  call hexd16
  mov eax, [di]
  call hexd16
  mov eax, [di + 12]
  call hexd16
  mov eax, [di + 8]
  call hexd16
  mov eax, [di + 16]
  call hexd16
  call nl
.skip:
  pop ebx
  inc bp
  cmp bp, 20
  jae .end
  test ebx, ebx
  jnz .next
.end:
  cmp bp, 6
  setae al
  call hexb2
  call nl
  mov ax, 0xe801
  int 0x15
  pushf
  call hexw
  mov ax, bx
  call hexw
  mov ax, cx
  call hexw
  mov ax, dx
  call hexw
  popf
  setc al
  call hexb2
  mov ah, 0x88
  int 0x15
  call hexw
  int 0x12
  call hexw
  mov ax, [0x413]
  call hexw
  call nl
  xor ebx, ebx
  mov di, 0x6000
  mov eax, 0xe820
  mov ecx, 24
  mov edx, 0x12345678
  int 0x15
  setc al
  call hexb2
  call nl
  mov al, 0
  jmp done
  PROBE_ROUTINES16
  PROBE_END 2
