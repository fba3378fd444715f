; String instructions the way memmove, memset and strlen are written: rep movsb forwards and
; backwards (DF=1) over overlapping ranges, rep movsw/movsd with DF=1, rep stosb/stosd with
; DF=1, repe cmpsb stopping at the first difference (SI/DI/CX after it), repne scasb finding a
; zero (strlen), rep with CX=0, lodsb with DF=1, a 32-bit address-size rep movsb in 16-bit code
; (ECX/ESI/EDI), and movsb across a segment's 64 KiB wrap.
%include "inc/probe.inc"
  PROBE_PROGRAM 2
  ; buffer at 0x6000: "0123456789abcdef"
  mov si, pattern
  mov di, 0x6000
  mov cx, 16
  rep movsb
  ; memmove up by 3, overlapping: copy backwards
  std
  mov si, 0x6000 + 15 - 3
  mov di, 0x6000 + 15
  mov cx, 13
  rep movsb
  cld
  mov ax, si
  call hexw
  mov ax, di
  call hexw
  call show16
  ; memmove down by 2 forwards (overlapping, safe direction)
  mov si, 0x6002
  mov di, 0x6000
  mov cx, 14
  rep movsb
  call show16
  ; forwards with overlap in the "wrong" direction: the pattern repeats
  mov si, 0x6000
  mov di, 0x6001
  mov cx, 8
  rep movsb
  call show16
  call nl
  ; stosd backwards
  std
  mov di, 0x600c
  mov eax, 0x41424344
  mov cx, 2
  rep stosd
  cld
  mov ax, di
  call hexw
  call show16
  ; movsw backwards
  std
  mov si, 0x6006
  mov di, 0x600e
  mov cx, 3
  rep movsw
  cld
  call show16
  call nl
  ; repe cmpsb
  mov si, s1
  mov di, s2
  mov cx, 10
  repe cmpsb
  pushf
  mov ax, cx
  call hexw
  mov ax, si
  sub ax, s1
  call hexw
  popf
  setz al
  call hexb2
  ; repne scasb: strlen
  mov di, s1
  mov cx, 0xffff
  xor al, al
  repne scasb
  not cx
  dec cx
  mov ax, cx
  call hexw
  ; rep with CX = 0 does nothing and keeps the flags
  mov cx, 0
  stc
  mov si, s1
  mov di, s2
  repe cmpsb
  setc al
  call hexb2
  mov ax, si
  sub ax, s1
  call hexw
  ; lodsb backwards
  std
  mov si, s1 + 3
  lodsb
  mov ah, al
  lodsb
  cld
  call hexw
  mov ax, si
  sub ax, s1
  call hexw
  call nl
  ; 32-bit addresses in 16-bit code: rep movsb with ECX/ESI/EDI (below 64 KiB here)
  mov esi, pattern
  mov edi, 0x6100
  mov ecx, 16
  a32 rep movsb
  mov eax, ecx
  call hexd16
  mov eax, edi
  call hexd16
  mov eax, [0x610c]
  call hexd16
  ; movsb with 16-bit addresses wraps DI at 64 KiB
  push es
  mov ax, 0x1000
  mov es, ax
  mov di, 0xfffe
  mov si, pattern
  mov cx, 4
  rep movsb
  mov ax, di
  call hexw                    ; 0002
  mov al, [es:0x0000]
  call hexb2
  mov al, [es:0x0001]
  call hexb2
  pop es
  call nl
  mov al, 0
  jmp done

show16:                        ; the 16 bytes at 0x6000 as text
  push si
  push cx
  mov si, 0x6000
  mov cx, 16
.c:
  lodsb
  call putc
  loop .c
  mov al, ' '
  call putc
  pop cx
  pop si
  ret
pattern: db '0123456789abcdef'
s1: db 'hello world', 0
s2: db 'hello_world', 0
  PROBE_ROUTINES16
  PROBE_END 2
