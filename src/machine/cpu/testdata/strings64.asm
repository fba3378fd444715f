; String instructions in 64-bit mode: rep movsb/movsq forwards and backwards (overlapping),
; rep stosd, repe cmpsb, repne scasb, lodsq; prints results on COM1.
bits 16
org 0x7c00
  cli
  xor ax, ax
  mov ds, ax
  mov ss, ax
  mov sp, 0x7c00
  lgdt [gdtr]
  mov eax, cr0
  or al, 1
  mov cr0, eax
  jmp 0x08:pm
bits 32
pm:
  mov ax, 0x10
  mov ds, ax
  mov es, ax
  mov ss, ax
  mov edi, 0x70000
  mov ecx, 0x3000/4
  xor eax, eax
  rep stosd
  mov dword [0x70000], 0x71003
  mov dword [0x71000], 0x72003
  mov dword [0x72000], 0x83
  mov eax, cr4
  or eax, 0x20
  mov cr4, eax
  mov eax, 0x70000
  mov cr3, eax
  mov ecx, 0xc0000080
  rdmsr
  or eax, 0x100
  wrmsr
  mov eax, cr0
  or eax, 0x80000000
  mov cr0, eax
  jmp 0x18:lm
bits 64
lm:
  mov ax, 0x10
  mov ds, ax
  mov es, ax
  mov ss, ax
  mov rsp, 0x90000
  mov rsi, text
  mov rdi, 0x100000
  mov ecx, textlen
  rep movsb
  ; overlapping forward copy by 1 with movsb (propagates the first byte)
  mov rsi, 0x100000
  mov rdi, 0x100001
  mov ecx, 4
  rep movsb
  ; overlapping backward copy by 8 with movsq
  std
  mov rsi, 0x100000 + 8
  mov rdi, 0x100000 + 16
  mov ecx, 2
  rep movsq
  cld
  mov rsi, 0x100000
  mov ecx, 24
  call print
  mov rdi, 0x100000
  mov eax, 0x2e2e2e2e
  mov ecx, 2
  rep stosd
  mov rsi, 0x100000
  mov ecx, 12
  call print
  mov rsi, 0x100000
  mov rdi, 0x100001
  mov ecx, 20
  repe cmpsb
  mov rax, rcx
  add al, 'A'
  call putc
  mov rdi, 0x100000
  mov al, 'r'
  mov rcx, -1
  repne scasb
  mov rax, rdi
  sub rax, 0x100000
  add al, 'a'
  call putc
  mov al, 0x10
  out 0xf4, al
  hlt
print:
  lodsb
  call putc
  loop print
  ret
putc:
  push rdx
  mov dx, 0x3f8
  out dx, al
  pop rdx
  ret
align 8
gdt: dq 0, 0x00cf9a000000ffff, 0x00cf92000000ffff, 0x00af9a000000ffff
gdtr: dw 31
  dd gdt
text: db "Hello, strings in 64-bit mode!"
textlen equ $ - text
times 510-($-$$) db 0
dw 0xaa55
