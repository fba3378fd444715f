; Segments in 64-bit mode: DS/ES/SS bases ignored, FS/GS bases from the descriptor and from
; the MSRs (wrmsr after mov fs keeps the MSR value), a null SS at CPL 0, segment overrides on
; rip-relative and string operands, and mov from segment registers. Prints on COM1.
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
  lgdt [gdtr]
  mov eax, cr0
  or al, 1
  mov cr0, eax
  jmp 0x08:pm
align 8
gdt: dq 0, 0x00cf9a000000ffff, 0x00cf92000000ffff, 0x00af9a000000ffff
  dq 0x00cf92100000ffff          ; 0x20: data, base 0x100000
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
  mov rsp, 0x90000
  mov byte [0x100010], 'F'
  mov byte [0x000010], 'x'
  mov ax, 0x20                   ; base 0x100000 in the descriptor
  mov ds, ax                     ; ignored for DS in 64-bit mode
  mov al, [0x10]
  call putc                      ; 'x'
  mov ax, 0x20
  mov fs, ax                     ; used for FS
  mov al, [fs:0x10]
  call putc                      ; 'F'
  mov byte [0x180010], 'G'          ; (the first 2 MiB are mapped)
  mov ecx, 0xc0000101            ; GS base MSR
  mov eax, 0x180000
  xor edx, edx
  wrmsr
  mov al, [gs:0x10]
  call putc                      ; 'G'
  mov ecx, 0xc0000100            ; FS base MSR overrides the descriptor's
  mov eax, 0x180000
  wrmsr
  mov al, [fs:0x10]
  call putc                      ; 'G'
  rdmsr
  shr eax, 16
  add al, 'A' - 0x18
  call putc                      ; 'A'
  ; null SS at CPL 0 is allowed in 64-bit mode
  xor eax, eax
  mov ss, ax
  push 'S'
  pop rax
  call putc
  mov ax, ss
  add al, '0'
  call putc                      ; '0'
  ; fs override on a string source
  mov rsi, 0x10
  mov rdi, 0x1000
  mov ecx, 1
  fs movsb
  mov al, [0x1000]
  call putc                      ; 'G'
  mov ax, fs
  add al, '0' - 0x20
  call putc                      ; '0'
  mov al, 0x10
  out 0xf4, al
  hlt
putc:
  push rdx
  mov dx, 0x3f8
  out dx, al
  pop rdx
  ret
times 1024-($-$$) db 0
