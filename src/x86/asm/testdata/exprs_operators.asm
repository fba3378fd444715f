bits 32
org 0x400000
A equ 10
B equ A*3 - 1
C equ (B << 2) | 1
D equ ~C & 0xFFFF
E equ -1 >> 1
F equ -1 >>> 60
G equ 17 % 5 + 17 %% 5 + -17 / 3 + -17 // 3
H equ (A > 5) + (A < 5) * 2 + (A == 10) * 4 + (A != 10) * 8 + (A <= 10)*16 + (A >= 11)*32
I equ (A+2 <=> 11) + (A <=> 10)*2
J equ (A && 0) | (A || 0) << 1 | (A ^^ 1) << 2
K equ !A + !0
L equ A ? 1 : 2
M equ 0 ? 3 : 4
    dd A, B, C, D, E, F, G, H, I, J, K, L, M
    dd start, end - start, (end - start) / 2, $ - $$, $$
    dw 0x10000 - 1, -1, -32768
    db -128, 255, 'a' + 1, ~0 & 0x7f
    dq 1 << 63, 0xFFFFFFFFFFFFFFFF, -(1 << 40)
start:
    mov eax, A * 4 + B
    mov ebx, [esi + A*4]
    mov ecx, [esi + edi*4 - B]
    lea edx, [eax + eax*2 + 7]
    lea edx, [eax*8 + end - start]
    lea edx, [2*eax]
    lea edx, [eax*3]
    lea edx, [eax*5+1]
    lea edx, [esp + ebp]
    mov eax, [ebp]
    mov eax, [esp]
    mov eax, [ebp*2]
    mov eax, [ebp + esi]
    mov eax, [esi + ebp]
    mov eax, [end + 4*ecx]
    mov eax, [ecx*4 + end]
    mov al, [byte esi + 4]
    mov al, [dword esi + 4]
    mov al, [esi + 0x80]
    mov al, [esi - 0x80]
    mov al, [esi - 0x81]
    add eax, byte 5
    add eax, dword 5
    add eax, -128
    add eax, 128
    imul eax, ebx, 10
    imul eax, 300
    and eax, 0xFFFFFF00
    and eax, -256
    cmp eax, 0x7f
    cmp eax, 0x80
    test eax, 0x80
    push -1
    push 127
    push 128
    push dword 1
    push word 1
end:
