; higher-half 64-bit kernel fragment
bits 64
default rel
KERNEL_VMA equ 0xFFFFFFFF80000000
org KERNEL_VMA + 0x100000

section .text
global kmain
kmain:
    lea rsp, [stack_top]
    mov rdi, boot_msg
    call puts
    lea rax, [rel idt_table]
    mov [idtr.base], rax
    lidt [idtr]
    mov rcx, 256
    lea rdi, [idt_table]
    lea rsi, [isr_stub_table]
.fill:
    mov rax, [rsi]
    mov [rdi], ax
    mov word [rdi+2], 0x08
    mov byte [rdi+4], 0
    mov byte [rdi+5], 0x8E
    shr rax, 16
    mov [rdi+6], ax
    shr rax, 16
    mov [rdi+8], eax
    mov dword [rdi+12], 0
    add rdi, 16
    add rsi, 8
    dec rcx
    jnz .fill
    sti
.idle:
    hlt
    jmp .idle

puts:
    push rbx
    mov rbx, 0xB8000
.next:
    lodsb
    test al, al
    jz .end
    mov ah, 0x07
    mov [rbx], ax
    add rbx, 2
    jmp .next
.end:
    pop rbx
    ret

serial_putc:
    mov dx, 0x3F8 + 5
.wait:
    in al, dx
    test al, 0x20
    jz .wait
    mov dx, 0x3F8
    mov al, dil
    out dx, al
    ret

read_msr:
    mov ecx, edi
    rdmsr
    shl rdx, 32
    or rax, rdx
    ret

write_cr3:
    mov cr3, rdi
    ret

get_rip:
    lea rax, [$]
    ret

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

dummy_handler:
    mov rax, [rdi + 9*8]
    inc qword [irq_count + rax*8 - 8]
    ret

%macro isr_stub 1
isr%1:
%if (%1 == 8) || (%1 >= 10 && %1 <= 14) || (%1 == 17) || (%1 == 21)
%else
    push 0
%endif
    push %1
    jmp isr_common
%endmacro

%assign n 0
%rep 256
isr_stub n
%assign n n+1
%endrep

section .data
boot_msg: db "kernel: higher half", 0
align 8
handler_ptr: dq dummy_handler
idtr:
.limit: dw 256*16 - 1
.base:  dq 0
isr_stub_table:
%assign n 0
%rep 256
    dq isr %+ n
%assign n n+1
%endrep

section .bss
align 16
idt_table: resb 256*16
irq_count: resq 256
stack_bottom: resb 16384
stack_top:
