; Memory operand syntax in 16, 32 and 64-bit code: registers in any order, scales,
; expressions, size keywords, segment overrides inside and outside the brackets,
; forced displacement sizes, RIP-relative and absolute addresses.
        bits 16
        org 0x600
m16:
        mov ax, [bx]
        mov ax, [bx + si]
        mov ax, [si + bx]
        mov ax, [bp + di + 4]
        mov ax, [di + bp - 4]
        mov ax, [bp]
        mov ax, [bx + 0x1234]
        mov ax, [0x1234]
        mov al, [var16]
        mov [var16], ax
        mov byte [bx], 5
        mov word [bx + 2], 0x1234
        mov [es:di], al
        mov al, es:[si]
        mov al, [cs:bx + 3]
        mov dx, [ss:bp - 2]
        inc word [var16]
        add word [bx], 1000
        add byte [bx + si + 1], 2
        mov ax, [byte bx + 4]
        mov ax, [word bx + 4]
        lea sp, [bp - 0x10]
        mov eax, [ebx]
        mov ax, [eax + ecx * 4]
var16:  dw 0

        bits 32
m32:
        mov eax, [eax + ebx]
        mov eax, [ebx + eax]
        mov eax, [ebx*1 + eax]
        mov eax, [eax + ebx*1]
        mov eax, [ebp + eax]
        mov eax, [eax + esp]
        mov eax, [esp]
        mov eax, [ebp]
        mov eax, [eax*2]
        mov eax, [eax*3]
        mov eax, [eax*4]
        mov eax, [eax*8 + 16]
        mov eax, [ebx*2 + eax]
        mov eax, [4 + esi*4 + ebx]
        mov eax, [ebx - ebx + 5]
        mov eax, [2 * (eax + 4)]
        mov eax, [byte eax + 4]
        mov eax, [dword eax + 4]
        mov eax, [eax + 0]
        mov eax, [var32]
        mov [var32], eax
        mov eax, [var32 + ecx*4]
        mov dword [edi], 0xdeadbeef
        mov byte [edi + 1], 0x7f
        mov word [edi - 128], 1
        mov eax, [fs:0x30]
        mov eax, fs:[ebx]
        mov [gs:eax + 8], ecx
        lea eax, [eax + eax * 4]
        lea ecx, [ecx * 2 + 0x1000]
        movzx eax, byte [esi]
        movzx eax, word [esi + 2]
        movsx ecx, byte [ebp - 1]
        cmp dword [ebx + 8], 0
        test byte [eax], 1
        mov ax, [bx + si]
var32:  dd 0

        bits 64
        default abs
m64:
        mov rax, [rbx]
        mov rax, [rbx + r12 * 8]
        mov eax, [r13]
        mov eax, [r12]
        mov rax, [rsp + 8]
        mov r8, [r9 + r10 * 2 + 0x100]
        mov rax, [var64]
        mov rax, [rel var64]
        mov eax, [abs var64]
        mov eax, [eax]
        mov rax, [gs:0x28]
        lea rax, [rel var64]
        lea rsi, [rsi + rsi * 2]
        mov qword [rdi], 0
        mov dword [rdi + 4], -1
        inc qword [rax + rcx]
        default rel
        mov rax, [var64]
        mov eax, [abs var64]
        mov eax, [fs:var64]
        lea rdx, [var64 + 8]
        mov rax, [rbx + 8]
var64:  dq 0
