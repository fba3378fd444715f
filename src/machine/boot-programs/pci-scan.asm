; PCI enumeration as a kernel's first "lspci" does it, through configuration mechanism #1
; (0CF8h/0CFCh): every slot of bus 0, function 0 and, for multi-function devices, functions
; 1-7; for each function found: vendor and device ID, class, subclass and programming interface,
; header type, interrupt line and pin; the address register read back; a 16-bit read of the
; device ID at 0CFEh; and BAR sizing (all ones written, the size mask read, the BAR restored) on
; the VGA framebuffer BAR and the NIC's I/O BAR.
%include "inc/probe.inc"
  PROBE_PROGRAM 2
  xor bx, bx                   ; slot
.slot:
  xor cx, cx                   ; function
.fn:
  xor di, di
  call cfg_read
  cmp ax, 0xffff
  je .skip
  push eax
  mov al, bl
  call hexb2
  mov al, cl
  call hexb2
  pop eax
  call hexd16                  ; device:vendor
  mov di, 8
  call cfg_read
  call hexd16                  ; class, subclass, prog-if, revision
  mov di, 0x0c
  call cfg_read
  shr eax, 16
  mov [hdr], al
  call hexb2                   ; header type
  mov di, 0x3c
  call cfg_read
  call hexw                    ; pin, line
  call nl
  test cx, cx
  jnz .skip
  test byte [hdr], 0x80
  jz .nextslot                 ; single-function: no functions 1-7
.skip:
  inc cx
  cmp cx, 8
  jb .fn
.nextslot:
  inc bx
  cmp bx, 32
  jb .slot
  ; the address register reads back
  mov eax, 0x80001008
  mov dx, 0xcf8
  out dx, eax
  in eax, dx
  call hexd16
  ; 16-bit read of the device ID of 02.0
  mov eax, 0x80001000
  out dx, eax
  mov dx, 0xcfe
  in ax, dx
  call hexw
  call nl
  ; BAR sizing: 02.0 BAR0 and 03.0 BAR1
  mov bx, 2
  xor cx, cx
  mov di, 0x10
  call size_bar
  mov bx, 3
  mov di, 0x14
  call size_bar
  call nl
  mov al, 0
  jmp done

; EAX = dword DI of bus 0, slot BX, function CX
cfg_read:
  call cfg_addr
  mov dx, 0xcfc
  in eax, dx
  ret
cfg_addr:
  push bx
  push cx
  movzx eax, bx
  shl eax, 11
  movzx ecx, cx
  shl ecx, 8
  or eax, ecx
  movzx ecx, di
  or eax, ecx
  or eax, 0x80000000
  mov dx, 0xcf8
  out dx, eax
  pop cx
  pop bx
  ret
size_bar:                      ; prints the BAR, its size mask, and the BAR after restoring
  call cfg_read
  mov [bar], eax
  call hexd16
  call cfg_addr
  mov dx, 0xcfc
  mov eax, 0xffffffff
  out dx, eax
  in eax, dx
  call hexd16
  call cfg_addr
  mov dx, 0xcfc
  mov eax, [bar]
  out dx, eax
  call cfg_read
  call hexd16
  ret
hdr: db 0
bar: dd 0
  PROBE_ROUTINES16
  PROBE_END 2
