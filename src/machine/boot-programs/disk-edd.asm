; EDD services a loader checks before it trusts LBA reads: int 13h AH=41h (installation check:
; BX = AA55h, the version in AH, the API bitmap in CX), AH=48h (drive parameters, with a buffer
; of 26 and of 30 bytes), AH=42h with a DAP of 16 bytes reading 3 sectors to a segment:offset
; buffer, with a zero count, and from a drive that does not exist (81h).
%include "inc/probe.inc"
  PROBE_PROGRAM 2
  sti
  mov ah, 0x41
  mov bx, 0x55aa
  mov dl, [boot_drive]
  int 0x13
  PROBE_PRINT_CF_AH
  mov ax, bx
  call hexw
  mov ax, cx
  and ax, 1                    ; bit 0: the extended read/write functions
  call hexw
  call nl
  ; AH=48h with a 26-byte buffer
  mov si, params
  mov word [si], 26
  mov ah, 0x48
  mov dl, [boot_drive]
  int 0x13
  PROBE_PRINT_CF_AH
  mov ax, [params]
  call hexw                    ; size filled in
  mov eax, [params + 16]
  call hexd16                  ; total sectors (low dword)
  mov ax, [params + 24]
  call hexw                    ; bytes per sector
  call nl
  ; DAP read: 3 sectors from LBA 2 to 0x1234:0x0010
  mov si, dap
  mov ah, 0x42
  mov dl, [boot_drive]
  int 0x13
  PROBE_PRINT_CF_AH
  mov ax, [dap + 2]
  call hexw                    ; blocks transferred
  push 0x1234
  pop es
  mov ax, [es:0x10]
  call hexw
  mov ax, [es:0x10 + 1024]
  call hexw
  mov ax, [es:0x10 + 1536]
  call hexw                    ; beyond the 3 sectors: untouched
  call nl
  ; a zero count
  mov word [dap + 2], 0
  mov si, dap
  mov ah, 0x42
  mov dl, [boot_drive]
  int 0x13
  setc al
  call hexb2
  ; a drive that does not exist
  mov word [dap + 2], 1
  mov si, dap
  mov ah, 0x42
  mov dl, 0x81
  int 0x13
  setc al
  call hexb2
  mov ah, 0x41
  mov bx, 0x55aa
  mov dl, 0x81
  int 0x13
  setc al
  call hexb2
  ; number of hard disks in the BDA
  mov al, [0x475]
  call hexb2
  call nl
  mov al, 0
  jmp done
align 4
dap: db 16, 0
  dw 3
  dw 0x0010, 0x1234
  dq 2
params: times 32 db 0
  PROBE_ROUTINES16
  PROBE_END 2
; sectors 3..7, each marked with its LBA
%assign n 3
%rep 5
  dw n * 0x101
  times 255 dw 0
%assign n n + 1
%endrep
