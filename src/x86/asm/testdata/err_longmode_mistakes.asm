bits 64
default rel
start:
    mov rax, [rbx+rcx*16]
    mov eax, [ax]
    push eax
    pop ebx
    mov rax, 0x123456789
    mov [rax], 0x12345678
    mov qword [rax], 0x123456789
    jmp 0x08:start
    inc [counter]
    movzx rax, qword [rbx]
    mov cr0, eax
    lea rax, [rel start]
counter dq 0
