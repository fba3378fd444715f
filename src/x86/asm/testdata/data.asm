; Data directives: every integer width, strings in all three quote styles with escapes,
; character constants, ?, reservations that become zeros in a flat binary, and floats.
        bits 32
        org 0x1000
bytes:  db 0, 1, -1, 255, 'A', 'AB', "quoted 'single'", 'quoted "double"'
        db `tab\tnewline\nnul\0hex\x41oct\101esc\e`, `back\`tick`, `\\`
words:  dw 1, -2, 0x1234, 'a', 'ab', 'abc', $ - bytes
dwords: dd 0x12345678, -1, 'abcd', 'abcde', dwords - bytes
qwords: dq 0x123456789abcdef0, -2, 'x'
floats: dd 1.5, -2.25, 3.0e2, 0.1
        dq 3.141592653589793, -0.5, 1e100
        dw 1.5, -1.0
        dt 1.0, -2.5
undef:  db ?, ?
        dw ?
        resb 3
        resw 2
        resd 1
        db 0xfe
chars:  dd 'a' + 1, "b" << 8, `c`
        dw 0x1f, 1fh, $1f, 0b101, 101b, 0q17, 17q, 17o, 0o17, 0d99, 99d, 0t99, 1_000, 0h1f, 0y11, 11y
len     equ $ - bytes
        dd len
        times 3 db 'xy'
        times 2 dw $ - bytes
        align 16
aligned:
        db 1
        align 8, db 0xcc
        db 2
        alignb 4
        db 3
        align 4, nop
tail:   resb 5
