bits 64
default rel
section .text
    mov rax, [gs:0x28]
    mov [abs qword 0xB8000], eax
    jmp [table + rax*8]
    call [rel table]
    lea rdi, [rel msg]
    mov rsi, msg
    mov ecx, msg_len
    rep movsb
    movzx eax, byte [rdi]
    movsx rax, word [rsi]
    movsxd rax, dword [rsi]
    cmpxchg [rdi], rcx
    lock xadd [rdi], eax
    bt qword [rdi], 63
    shl rax, cl
    imul rax, [rdi], 100
    cqo
    idiv rcx
    push qword [rdi]
    pop qword [rdi]
    push 0x12345678
    push -1
    mov r8b, [rsp + 8]
    mov r15w, r8w
    mov byte [r12], 0
    mov qword [r13], 0
    xchg r14, rax
    test r9b, r9b
    setnz al
    cmovz eax, ebx
    bswap r10
    tzcnt rax, rbx
    popcnt eax, ecx
    rdtscp
    swapgs
    int3
    ud2
section .rodata
table: dq 0, 1
msg: db "msg"
msg_len equ $ - msg
