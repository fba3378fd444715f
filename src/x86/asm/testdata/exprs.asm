; Expression evaluation: precedence, signed and unsigned division, shifts, relational and
; logical operators, unary operators, $ and $$, label arithmetic and local-label names.
        bits 32
        org 0x8000
base:
        dd 1 + 2 * 3, (1 + 2) * 3, 10 - 4 - 3, 2 * 3 + 4 * 5
        dd -7 / 2, -7 // 2, -7 % 3, -7 %% 3, 7 % 3, 100 / 7
        dd 1 << 4, 256 >> 4, -256 >>> 4, 1 <<< 31, -1 >> 60
        dd 0xf0 & 0x3c, 0xf0 | 0x0f, 0xff ^ 0x0f, ~0, ~0x55
        dd 7 & 3 | 8 ^ 1, 1 | 2 ^ 3 & 4
        dd !0, !1, !!5, -(-3), +4, - - 2
        dd 1 == 1, 1 != 1, 2 < 3, 3 <= 3, 4 > 5, 5 >= 6, 1 <> 2, 1 = 1
        dd 1 && 0, 1 || 0, 1 ^^ 1, 0 ^^ 1, 3 < 2 || 2 < 3
        dd $ - $$, $$ - base, here - base
here:   dd end - base, (end - base) / 4, (end - base) >> 1
        dw base, end, base + 4, 0x10000 + 1
        dd 'a' * 256 + 'b'
.local: dd .local - base, here.local - here
..@nonlocal: dd .other - base
.other: dd 0
SIZE    equ end - base
HALF    equ SIZE / 2
        dd SIZE, HALF, SIZE * 2 + HALF
        mov eax, SIZE
        mov ebx, (end - base) * 2
        add ecx, HALF
        mov edx, base + 4
        mov esi, [base + SIZE]
        lea edi, [eax + ebx * 4 + HALF]
        push SIZE
        push base
end:
