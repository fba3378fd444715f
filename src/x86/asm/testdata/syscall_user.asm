; syscall/sysret setup and a user-mode trampoline
bits 64
org 0x200000
default rel

MSR_EFER  equ 0xC0000080
MSR_STAR  equ 0xC0000081
MSR_LSTAR equ 0xC0000082
MSR_FMASK equ 0xC0000084

setup_syscall:
    mov ecx, MSR_EFER
    rdmsr
    or eax, 1
    wrmsr
    mov ecx, MSR_STAR
    xor eax, eax
    mov edx, (0x13 << 16) | 0x08
    wrmsr
    mov ecx, MSR_LSTAR
    lea rax, [syscall_entry]
    mov rdx, rax
    shr rdx, 32
    wrmsr
    mov ecx, MSR_FMASK
    mov eax, 0x200
    xor edx, edx
    wrmsr
    ret

syscall_entry:
    swapgs
    mov [gs:8], rsp
    mov rsp, [gs:0]
    push rcx
    push r11
    cmp rax, NSYSCALLS
    jae .bad
    call [syscall_table + rax*8]
    jmp .out
.bad:
    mov rax, -38
.out:
    pop r11
    pop rcx
    mov rsp, [gs:8]
    swapgs
    o64 sysret

sys_write:
    mov rax, rdx
    ret
sys_exit:
    cli
    hlt
    jmp sys_exit

syscall_table:
    dq sys_write
    dq sys_exit
NSYSCALLS equ ($ - syscall_table) / 8

enter_user:
    mov ax, 0x1B
    mov ds, ax
    mov es, ax
    push 0x1B
    push user_stack_top
    pushfq
    or qword [rsp], 0x200
    push 0x23
    push user_code
    iretq

user_code:
    mov eax, 0
    lea rsi, [msg]
    mov edx, msg_len
    syscall
    mov eax, 1
    syscall
msg: db "hello from ring 3", 10
msg_len equ $ - msg
align 16
user_stack: times 256 db 0
user_stack_top:
