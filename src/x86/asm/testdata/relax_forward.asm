bits 16
org 0x7c00
; forward references that change jump sizes
start:
    jmp near_target
    jmp far_target
    je near_target
    jne far_target
    jcxz near_target
    loop near_target
    call far_target
    jmp short near_target
    jmp near near_target
%rep 20
    nop
%endrep
near_target:
    jc .back
    times 100 db 0
    jz far_target
.back:
    times 30 db 0x90
    jnz start
    jmp start
far_target:
    jmp .a
    jmp .b
.a: times 126 nop
.b: times 2 nop
    jmp .a
    jmp .c
    times 125 nop
.c:
    ja .d
%assign k 0
%rep 10
    %assign k k+1
    times k*3 nop
%endrep
.d:
    jg start
    jl .d
bits 32
    jmp .e
    jecxz .e
    loopne .e
    times 100 db 0
.e: je .e
    call .e
    jmp start
