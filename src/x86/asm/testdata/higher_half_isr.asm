bits 64
default rel
org 0xffffffff80000000
%macro ISR_NOERR 1
global isr%1
isr%1:
    push qword 0
    push qword %1
    jmp isr_common
%endmacro
%macro ISR_ERR 1
isr%1:
    push qword %1
    jmp isr_common
%endmacro
%assign n 0
%rep 8
  ISR_NOERR n
%assign n n+1
%endrep
ISR_ERR 8
ISR_NOERR 9
ISR_ERR 10
ISR_ERR 13
ISR_ERR 14
isr_common:
    push rax
    push rcx
    push rdx
    push rsi
    push rdi
    push r8
    push r9
    push r10
    push r11
    cld
    mov rdi, rsp
    call [handler_ptr]
    pop r11
    pop r10
    pop r9
    pop r8
    pop rdi
    pop rsi
    pop rdx
    pop rcx
    pop rax
    add rsp, 16
    iretq
setup:
    lea rax, [idt]
    mov rcx, 0
.fill:
    lea rdx, [isr0]
    mov [rax + rcx*8], rdx
    inc rcx
    cmp rcx, 32
    jb .fill
    lidt [idtr]
    mov ecx, 0xc0000082
    lea rax, [syscall_entry]
    mov rdx, rax
    shr rdx, 32
    wrmsr
    mov rax, cr3
    mov cr3, rax
    invlpg [rax]
    sti
    hlt
syscall_entry:
    swapgs
    mov [gs:0x10], rsp
    mov rsp, [gs:0x08]
    push r11
    push rcx
    pop rcx
    pop r11
    mov rsp, [gs:0x10]
    swapgs
    o64 sysret
handler_ptr: dq setup
idtr: dw 4095
      dq idt
section .bss
idt: resb 4096
