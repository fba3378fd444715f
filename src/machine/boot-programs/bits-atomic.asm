; Bit and atomic instructions on memory as allocators and locks use them: bt/bts/btr/btc with
; a register bit offset far beyond the operand (the address moves by offset / 8, also for
; negative offsets) and with an immediate (taken modulo the size), bsf/bsr, xchg with memory
; (a spinlock), lock cmpxchg succeeding and failing (EAX loaded), lock xadd, cmpxchg8b, lock
; inc/dec/add/or on memory, and setcc/cmovcc after them. 32-bit protected mode.
%include "inc/probe.inc"
%include "inc/boot.inc"
  PROBE_PROGRAM 2
  PROBE_PM32 pm
  FLAT_DATA32
  mov esp, 0x7000
  mov edi, 0x20000
  mov ecx, 0x400
  xor eax, eax
  rep stosd
  mov ebx, 0x20100             ; bitmap base, with room below
  ; bts with big offsets
  mov eax, 1000
  bts [ebx], eax               ; byte 0x20100 + 125, bit 0
  setc dl
  mov eax, [0x20100 + 124]
  call hexd
  mov eax, 1000
  bts [ebx], eax
  setc al
  add al, dl
  call hexb32                  ; first 0, then 1
  mov eax, -9                  ; 9 bits below: byte 0x200fe, bit 7
  bts dword [ebx], eax
  mov eax, [0x200fc]
  call hexd
  mov eax, -9
  bt [ebx], eax
  setc al
  call hexb32
  mov ax, -1                   ; 16-bit operand: offset -1 -> word at ebx - 2, bit 15
  bts word [ebx], ax
  mov eax, [0x200fc]
  call hexd
  ; immediates are modulo the operand size
  mov dword [0x20200], 0
  bts dword [0x20200], 35      ; bit 3
  mov eax, [0x20200]
  call hexd
  btc dword [0x20200], 3
  setc al
  call hexb32
  mov eax, [0x20200]
  call hexd
  mov dword [0x20200], 0xf0f0
  mov ecx, 4
  btr [0x20200], ecx
  setc al
  call hexb32
  mov eax, [0x20200]
  call hexd
  call nl32
  ; bsf / bsr
  mov eax, 0x00801000
  bsf ecx, eax
  bsr edx, eax
  mov eax, ecx
  call hexd
  mov eax, edx
  call hexd
  xor eax, eax
  mov ecx, 0x1234
  bsf ecx, eax                 ; zero source: ZF=1 (destination kept on this CPU model)
  setz al
  call hexb32
  ; spinlock with xchg
  mov dword [lock_word], 0
  mov eax, 1
  xchg eax, [lock_word]
  call hexd
  mov eax, 1
  xchg [lock_word], eax
  call hexd
  ; cmpxchg
  mov dword [0x20300], 5
  mov eax, 5
  mov ecx, 9
  lock cmpxchg [0x20300], ecx
  setz al
  call hexb32
  mov eax, [0x20300]
  call hexd
  mov eax, 5
  lock cmpxchg [0x20300], ecx  ; fails: EAX = 9
  setz dl
  call hexd
  mov al, dl
  call hexb32
  ; xadd
  mov dword [0x20304], 100
  mov eax, 7
  lock xadd [0x20304], eax
  call hexd
  mov eax, [0x20304]
  call hexd
  call nl32
  ; cmpxchg8b
  mov dword [0x20308], 0x11111111
  mov dword [0x2030c], 0x22222222
  mov eax, 0x11111111
  mov edx, 0x22222222
  mov ebx, 0x33333333
  mov ecx, 0x44444444
  lock cmpxchg8b [0x20308]
  setz al
  call hexb32
  mov eax, [0x2030c]
  call hexd
  xor eax, eax
  xor edx, edx
  lock cmpxchg8b [0x20308]
  setz cl
  call hexd
  mov eax, edx
  call hexd
  ; lock arithmetic on memory
  mov dword [0x20310], 0xffffffff
  lock inc dword [0x20310]
  setz al
  call hexb32
  lock dec dword [0x20310]
  sets al
  call hexb32
  lock or dword [0x20310], 0x100
  lock add dword [0x20310], 2
  setc al
  call hexb32
  mov eax, [0x20310]
  call hexd
  mov ecx, 1
  mov edx, 2
  cmp ecx, edx
  cmovl ecx, edx
  mov eax, ecx
  call hexd
  call nl32
  mov al, 0
  jmp done32

  PROBE_HEXB32
  PROBE_ROUTINES32
lock_word: dd 0
  GDT_FLAT32
  GDTR
  PROBE_END 2
