; The PCI BIOS (int 1Ah AH=B1h) as real-mode drivers and loaders use it: the installation check
; (AH = 0, EDX = 'PCI ', mechanism and version), finding the VGA device by its IDs and the e1000
; by its class, a device that does not exist (AH = 86h), configuration reads of a byte, a word
; and a dword, a write to the interrupt line read back, and a misaligned register (accepted).
%include "inc/probe.inc"
  PROBE_PROGRAM 2
  mov ax, 0xb101
  xor edi, edi
  int 0x1a
  pushf
  call hexw                    ; AH status, AL mechanisms
  mov eax, edx
  call hexd16
  mov ax, bx
  call hexw
  mov al, cl
  call hexb2
  popf
  setc al
  call hexb2
  call nl
  ; find 1234:1111
  mov ax, 0xb102
  mov cx, 0x1111
  mov dx, 0x1234
  xor si, si
  int 0x1a
  setc al
  call hexb2
  mov ax, bx
  call hexw
  ; the first Ethernet controller (class 02 00 00)
  mov ax, 0xb103
  mov ecx, 0x020000
  xor si, si
  int 0x1a
  setc al
  call hexb2
  mov ax, bx
  call hexw
  ; the second one: none
  mov ax, 0xb103
  mov ecx, 0x020000
  mov si, 1
  int 0x1a
  PROBE_PRINT_AH_CF
  call nl
  ; reads from 01.1 (IDE): class byte, vendor word, dword at 8
  mov bx, 0x0009
  mov ax, 0xb108
  mov di, 0x0b
  int 0x1a
  mov al, cl
  call hexb2
  mov ax, 0xb109
  mov di, 0
  int 0x1a
  mov ax, cx
  call hexw
  mov ax, 0xb10a
  mov di, 8
  int 0x1a
  mov eax, ecx
  call hexd16
  ; write the interrupt line of 03.0 and read it back
  mov bx, 0x0018
  mov ax, 0xb10b
  mov di, 0x3c
  mov cl, 0x0a
  int 0x1a
  mov ax, 0xb108
  int 0x1a
  mov al, cl
  call hexb2
  ; misaligned word
  mov ax, 0xb109
  mov di, 1
  int 0x1a
  PROBE_PRINT_AH_CF
  call nl
  mov al, 0
  jmp done
  PROBE_ROUTINES16
  PROBE_END 2
