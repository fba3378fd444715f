; SSE and SSE2 in 64-bit mode, the way compiled code uses them, with handlers for #UD (U),
; #NM (N) and #GP (G) that skip the faulting instruction: first with CR4.OSFXSR clear (#UD),
; then enabled. Integer work (a zero-byte scan with pcmpeqb/pmovmskb, memset/memcpy by
; movdqa/movdqu/movups, paddq, unpacks, shuffles, byte shifts, saturating adds, pmuludq,
; psadbw), moves between XMM and general registers, scalar double and single arithmetic
; (cvtsi2sd, sqrtsd, divsd, mulss, cvttsd2si with an out-of-range value, the flags of
; ucomisd/comiss with a NaN), and the faults the manuals list: a misaligned movdqa and
; addps with memory (#GP), movaps with CR0.TS set (#NM) and with CR0.EM set (#UD), movdqu
; misaligned (fine). Each result is printed in hex on COM1.
%include "inc/probe.inc"
%include "inc/boot.inc"
%include "inc/longmode.inc"
  PROBE_PROGRAM 16
  PROBE_PM32 pm32
  ENTER_LONG lm
bits 64
lm:
  mov rsp, 0x7000
  mov rdi, ud_h
  mov esi, 6
  call set_gate
  mov rdi, nm_h
  mov esi, 7
  call set_gate
  mov rdi, gp_h
  mov esi, 13
  call set_gate
  lidt [idtr]


  ; SSE off: CR4.OSFXSR = 0.
  PROBE_TRY movaps xmm0, xmm1
  PROBE_TRY pxor xmm0, xmm0
  call nl64
  mov rax, cr0
  and al, ~0x0c                        ; EM and TS off
  or al, 0x22                          ; MP, NE
  mov cr0, rax
  mov rax, cr4
  or eax, 0x600                        ; OSFXSR, OSXMMEXCPT
  mov cr4, rax

  ; strlen by 16 bytes: pcmpeqb against zero, pmovmskb, bsf.
  pxor xmm0, xmm0
  movdqa xmm1, [text]
  pcmpeqb xmm1, xmm0
  pmovmskb eax, xmm1
  bsf eax, eax
  call hex64                           ; 0xb: "hello, sse!" is 11 bytes

  ; memset 64 bytes with a pattern, memcpy them unaligned, read back.
  mov eax, 0x5a5a5a5a
  movd xmm2, eax
  pshufd xmm2, xmm2, 0
  mov rdi, buf
  movdqa [rdi], xmm2
  movdqa [rdi+16], xmm2
  movaps [rdi+32], xmm2
  movntdq [rdi+48], xmm2
  movdqu xmm3, [rdi+5]
  movups [rdi+67], xmm3
  mov rax, [rdi+67]
  call hex64
  movq rax, xmm3
  call hex64

  ; paddq with carry between halves kept apart, movq/movhps round trip.
  mov rax, 0xffffffffffffffff
  movq xmm4, rax
  mov rax, 0x0000000100000001
  movq xmm5, rax
  punpcklqdq xmm4, xmm5                ; xmm4 = [-1, 0x100000001]
  movdqa xmm5, xmm4
  paddq xmm4, xmm5                     ; [-2, 0x200000002]
  movhps [buf], xmm4
  mov rax, [buf]
  call hex64
  movq rax, xmm4
  call hex64

  ; unpack bytes to words, shuffle, byte shifts, saturating adds.
  movdqa xmm0, [bytes16]
  pxor xmm1, xmm1
  movdqa xmm2, xmm0
  punpcklbw xmm2, xmm1
  movq rax, xmm2
  call hex64
  pshufd xmm3, xmm0, 0x1b
  movq rax, xmm3
  call hex64
  movdqa xmm3, xmm0
  psrldq xmm3, 3
  pslldq xmm3, 1
  movq rax, xmm3
  call hex64
  movdqa xmm3, xmm0
  paddusb xmm3, xmm0
  movq rax, xmm3
  call hex64
  movdqa xmm3, xmm0
  paddsw xmm3, xmm0
  movq rax, xmm3
  call hex64
  movdqa xmm3, xmm0
  pmuludq xmm3, xmm0
  movq rax, xmm3
  call hex64
  movdqa xmm3, xmm0
  psadbw xmm3, xmm1
  movq rax, xmm3
  call hex64
  movdqa xmm3, xmm0
  psrlw xmm3, 3
  psraw xmm0, 9
  por xmm3, xmm0
  pextrw eax, xmm3, 5
  call hex64

  ; scalar double and single arithmetic and conversions.
  mov eax, 2
  cvtsi2sd xmm0, eax
  sqrtsd xmm1, xmm0
  movq rax, xmm1
  call hex64                           ; sqrt(2)
  mov rax, 1000000007
  cvtsi2sd xmm2, rax
  divsd xmm2, xmm1
  cvttsd2si rax, xmm2
  call hex64
  mulsd xmm2, [big]
  cvttsd2si eax, xmm2                  ; out of range: 0x80000000
  call hex64
  cvtsd2ss xmm3, xmm1
  mulss xmm3, xmm3
  movd eax, xmm3
  call hex64
  cvtss2sd xmm4, xmm3
  movq rax, xmm4
  call hex64
  ; ucomisd: less, equal, unordered (NaN); comiss greater.
  movsd xmm5, [nan]
  ucomisd xmm1, xmm2
  call flags64
  ucomisd xmm1, xmm1
  call flags64
  ucomisd xmm5, xmm1
  call flags64
  comiss xmm3, xmm3
  call flags64
  addsd xmm5, xmm1
  movq rax, xmm5
  call hex64                           ; the NaN, quiet
  xorpd xmm6, xmm6
  subsd xmm6, xmm6
  divsd xmm6, xmm6                     ; 0/0: the default NaN
  movq rax, xmm6
  call hex64

  ; fxsave sees the XMM registers.
  fxsave [fxarea]
  mov rax, [fxarea + 160 + 16*4 + 8]
  call hex64

  ; faults: misaligned movdqa and addps with memory (#GP), movdqu misaligned (fine),
  ; CR0.TS (#NM), CR0.EM (#UD).
  PROBE_TRY movdqa xmm0, [buf+8]
  PROBE_TRY movdqu xmm0, [buf+8]
  PROBE_TRY addps xmm0, [buf+4]
  PROBE_TRY movdqa [buf+1], xmm0
  mov rax, cr0
  or al, 8
  mov cr0, rax
  PROBE_TRY movaps xmm0, xmm1
  PROBE_TRY pxor xmm2, xmm2
  clts
  PROBE_TRY movaps xmm0, xmm1
  mov rax, cr0
  or al, 4
  mov cr0, rax
  PROBE_TRY movaps xmm0, xmm1
  PROBE_TRY cvtsi2sd xmm0, eax
  mov rax, cr0
  and al, ~4
  mov cr0, rax
  PROBE_TRY movaps xmm0, xmm1
  call nl64
  mov al, 0
  mov dx, 0xf4
  out dx, al
  hlt

; rdi = handler, esi = vector
set_gate:
  shl esi, 4
  add rsi, idt
  mov rax, rdi
  mov [rsi], ax
  mov word [rsi + 2], 0x18
  mov word [rsi + 4], 0x8e00
  shr rax, 16
  mov [rsi + 6], ax
  shr rax, 16
  mov [rsi + 8], eax
  ret

ud_h:
  mov al, 'U'
  jmp fault
nm_h:
  mov al, 'N'
  jmp fault
gp_h:
  add rsp, 8                           ; the error code
  mov al, 'G'
fault:
  call putc64
  mov rax, [skip]
  mov [rsp], rax
  iretq

; CF ZF PF (as 0/1 digits) and a space.
flags64:
  pushfq
  pop rbx
  mov eax, ebx
  and al, 1
  add al, '0'
  call putc64
  mov eax, ebx
  shr eax, 6
  and al, 1
  add al, '0'
  call putc64
  mov eax, ebx
  shr eax, 2
  and al, 1
  add al, '0'
  call putc64
  mov al, ' '
  jmp putc64

; rax in hex (16 digits), then a space.
hex64:
  push rcx
  push rdx
  mov rdx, rax
  mov ecx, 16
.l:
  rol rdx, 4
  mov eax, edx
  and eax, 15
  mov al, [digits + rax]
  call putc64
  dec ecx
  jnz .l
  mov al, ' '
  call putc64
  pop rdx
  pop rcx
  ret

  PROBE_PUTC64
  PROBE_NL64
  GDT_FLAT
  GDTR
  IDTR64
skip: dq 0
digits: db '0123456789abcdef'
big: dq 1.0e30
nan: dq 0x7ff4000000000123
align 16
text: db 'hello, sse!', 0, 'tail'
bytes16: db 0x01, 0x80, 0x7f, 0xff, 0x10, 0x20, 0x30, 0xc0, 0x05, 0x06, 0xfe, 0x90, 0x44, 0x55, 0x66, 0x77
buf: times 96 db 0
align 16
fxarea: times 512 db 0
align 16
idt: times 256*16 db 0
  PROBE_END 16
