bits 16
org 0x100
%macro delay 1
    mov cx, %1
%%l: loop %%l
%endmacro
%macro save_regs 0-1 all
%ifidn %1, all
    pusha
%else
    push ax
%endif
%endmacro
start:
    les di, [farptr]
    lds si, [cs:farptr]
    mov es, [segvar]
    push word [bp+4]
    pop word [bp-2]
    save_regs
    save_regs ax
    delay 10
    delay 0x100
    enter 16, 0
    leave
    aam
    aad 10
    daa
    das
    sahf
    lahf
    cs lodsb
    xlat
    cwd
    cbw
    cwde
    cdq
    movsb
    movsw
    movsd
    cmpsb
    scasw
    rep stosb
    repne scasb
    repe cmpsw
    lea bx, [bx+si+4]
    mov ax, [es:bx+di]
    mov [ss:bp+si-2], al
    test byte [bx], 0x80
    not word [di]
    neg byte [si]
    mul word [bx]
    div byte [bx+1]
    imul cx
    shl word [bx], 1
    shr byte [bx], cl
    rcl ax, 3
    in ax, dx
    out dx, ax
    insb
    outsw
    clc
    stc
    cmc
    cli
    sti
    hlt
    wait
    nop
    ret
farptr: dw 0x1234, 0x5678
segvar: dw 0xb800
