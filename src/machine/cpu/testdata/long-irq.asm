; Interrupts in long mode: the PIT through the PIC (remapped to 0x20) into a 64-bit interrupt
; gate on IST 1 while the CPU waits in hlt; a trap gate keeps IF, an interrupt gate clears it;
; iretq restores RFLAGS. Prints on COM1.
bits 16
org 0x7c00
  cli
  xor ax, ax
  mov ds, ax
  mov ss, ax
  mov sp, 0x7c00
  mov ah, 0x02
  mov al, 2
  mov cx, 2
  xor dh, dh
  mov bx, 0x7e00
  int 0x13
  ; PIC: master at 0x20, slave at 0x28, only IRQ0 unmasked
  mov al, 0x11
  out 0x20, al
  out 0xa0, al
  mov al, 0x20
  out 0x21, al
  mov al, 0x28
  out 0xa1, al
  mov al, 4
  out 0x21, al
  mov al, 2
  out 0xa1, al
  mov al, 1
  out 0x21, al
  out 0xa1, al
  mov al, 0xfe
  out 0x21, al
  mov al, 0xff
  out 0xa1, al
  lgdt [gdtr]
  mov eax, cr0
  or al, 1
  mov cr0, eax
  jmp 0x08:pm
align 8
gdt: dq 0, 0x00cf9a000000ffff, 0x00cf92000000ffff, 0x00af9a000000ffff
  dw 0x67, 0x5000, 0x8900, 0, 0, 0, 0, 0   ; 0x20: 64-bit TSS
gdtr: dw gdtr - gdt - 1
  dd gdt
times 510-($-$$) db 0
dw 0xaa55
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
  mov ss, ax
  mov rsp, 0x90000
  mov qword [0x5024], 0x60000   ; IST1
  mov ax, 0x20
  ltr ax
  mov rdi, 0x20
  mov rsi, timer
  mov edx, 0x8e01               ; interrupt gate, IST 1
  call setgate
  mov rdi, 0x40
  mov rsi, trap
  mov edx, 0x8f00               ; trap gate
  call setgate
  mov rdi, 0x41
  mov rsi, trap
  mov edx, 0x8e00               ; interrupt gate
  call setgate
  lidt [idtr]
  sti
  int 0x40                      ; trap gate: IF stays 1 -> 'I'
  int 0x41                      ; interrupt gate: IF 0 -> 'i'
.wait:
  hlt
  cmp byte [ticks], 2
  jb .wait
  pushfq
  pop rax
  shr eax, 9
  and al, 1
  add al, '0'
  call putc                     ; '1': IF restored by iretq
  mov al, 0x10
  out 0xf4, al
timer:
  push rax
  mov rax, rsp
  shr rax, 16
  cmp al, 5                     ; on the IST stack (0x5xxxx)
  mov al, 'S'
  je .ok
  mov al, 's'
.ok:
  call putc
  inc byte [ticks]
  mov al, 0x20
  out 0x20, al
  pop rax
  iretq
trap:
  pushfq
  pop rax
  bt rax, 9
  mov al, 'I'
  jc .t
  mov al, 'i'
.t:
  call putc
  iretq
setgate:
  shl rdi, 4
  add rdi, 0x61000
  mov [rdi], si
  mov word [rdi + 2], 0x18
  mov [rdi + 4], dx
  mov rax, rsi
  shr rax, 16
  mov [rdi + 6], ax
  mov dword [rdi + 8], 0
  mov dword [rdi + 12], 0
  ret
putc:
  push rdx
  mov dx, 0x3f8
  out dx, al
  pop rdx
  ret
ticks: db 0
align 8
idtr: dw 0xfff
  dq 0x61000
times 1536-($-$$) db 0
