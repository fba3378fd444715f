; BIOS data area fields real-mode programs read: equipment word (0x410), memory size (0x413),
; keyboard flags (0x417/0x418), keyboard buffer pointers (0x41A/0x41C/0x480/0x482), video
; mode, columns, page size and start, cursor positions, cursor shape, active page, CRTC base,
; rows - 1 and character height (0x449-0x463, 0x484/0x485), hard disk count (0x475), the
; EBDA segment (0x40E) and the tick counter at 0x46C advancing while the PIT runs.
%include "inc/probe.inc"
  PROBE_PROGRAM 2
  mov ax, [0x410]
  and ax, 0xff30               ; video bits, serial/parallel counts
  call hexw
  mov ax, [0x413]
  call hexw
  mov al, [0x417]
  call hexb2
  mov al, [0x418]
  call hexb2
  mov ax, [0x41a]
  call hexw
  mov ax, [0x41c]
  call hexw
  mov ax, [0x480]
  call hexw
  mov ax, [0x482]
  call hexw
  call nl
  mov al, [0x449]
  call hexb2
  mov ax, [0x44a]
  call hexw
  mov ax, [0x44c]
  call hexw
  mov ax, [0x44e]
  call hexw
  mov ax, [0x463]
  call hexw
  mov al, [0x462]
  call hexb2
  mov al, [0x484]
  call hexb2
  mov ax, [0x485]
  call hexw
  mov al, [0x475]
  call hexb2
  mov ax, [0x400]
  call hexw                    ; COM1 base
  mov ax, [0x40e]
  test ax, ax
  setnz al
  call hexb2                   ; an EBDA exists
  call nl
  ; ticks advance
  mov eax, [0x46c]
  mov [t0], eax
  sti
  mov cx, 3
.w:
  hlt
  loop .w
  mov eax, [0x46c]
  sub eax, [t0]
  cmp eax, 0
  seta al
  call hexb2
  mov al, [0x470]
  call hexb2
  ; set mode 3 again, the cursor and BDA page fields
  mov ax, 0x0003
  int 0x10
  mov ah, 0x02
  mov bh, 0
  mov dx, 0x0c22
  int 0x10
  mov ax, [0x450]
  call hexw
  mov ax, [0x460]
  call hexw
  call nl
  mov al, 0
  jmp done
t0: dd 0
  PROBE_ROUTINES16
  PROBE_END 2
