; 64-bit kernel entry in the style of a small hobby kernel: default rel, r8-r15, system
; instructions, a .bss stack; the origin is 0 as for a flat image loaded by a bootloader.
bits 64
default rel
section .text
global _start
_start:
        lea rsp, [stack_top]
        xor rbp, rbp
        call kmain
.hang:  cli
        hlt
        jmp .hang
kmain:
        push rbp
        mov rbp, rsp
        sub rsp, 32
        mov qword [rbp - 8], 0
        mov rdi, 0xb8000
        lea rsi, [msg]
        mov ecx, msg_len
.loop:  mov al, [rsi]
        mov ah, 0x0f
        mov [rdi], ax
        add rdi, 2
        inc rsi
        dec ecx
        jnz .loop
        mov rax, 0x123456789abcdef0
        mov r8, r9
        mov r10d, [r11 + r12*4 + 8]
        mov r15b, 1
        movzx r13, byte [r14]
        movsxd rax, dword [rbx]
        shl r8, 12
        and rax, ~0xfff
        or rax, 3
        mov cr3, rax
        invlpg [rax]
        mov rcx, 0xc0000080
        rdmsr
        wrmsr
        swapgs
        iretq
        syscall
        sysret
        push r12
        pop r12
        push 0x7f
        push 0x80
        push -1
        cmp rax, -129
        test r9, r9
        lea rax, [rip_target]
        mov rax, [gs:0x28]
        mov [fs:rbx], eax
        leave
        ret
rip_target:
msg:    db "kernel 64", 0
msg_len equ $ - msg
section .bss
align 16
stack_bottom: resb 4096
stack_top:
