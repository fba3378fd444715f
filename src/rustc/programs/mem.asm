; memcpy, memmove, memset, memcmp and bcmp for the rustc builds of the test programs. On the
; host's x86_64-unknown-linux-gnu target these come from libc, which a kernel does not have (the
; post gets them from compiler_builtins' `mem` feature, as Bootlab's builds do from our own
; compiler_builtins), so only the rustc side links this object. System V convention: rdi, rsi,
; rdx; result in rax. The table at the end gives each function's offset (MEM_FUNCTIONS in ports.ts).
bits 64

memcpy:                 ; (dst, src, n) -> dst
    mov rax, rdi
    mov rcx, rdx
    cld
    rep movsb
    ret

memmove:                ; (dst, src, n) -> dst, overlapping allowed
    mov rax, rdi
    mov rcx, rdx
    cmp rdi, rsi
    jbe .forward
    lea rsi, [rsi + rdx - 1]
    lea rdi, [rdi + rdx - 1]
    std
    rep movsb
    cld
    ret
.forward:
    cld
    rep movsb
    ret

memset:                 ; (dst, byte, n) -> dst
    mov r8, rdi
    mov eax, esi
    mov rcx, rdx
    cld
    rep stosb
    mov rax, r8
    ret

memcmp:                 ; (a, b, n) -> <0, 0, >0 by the first differing byte (unsigned)
bcmp:
    xor eax, eax
    test rdx, rdx
    jz .equal
.next:
    movzx eax, byte [rdi]
    movzx ecx, byte [rsi]
    sub eax, ecx
    jnz .equal
    inc rdi
    inc rsi
    dec rdx
    jnz .next
.equal:
    ret

align 4, db 0xcc
symbol_table:
    dd memcpy, memmove, memset, memcmp, bcmp
