[BITS 16]
[ORG 0x7C00]

struc DAP
    .size:      resb 1
    .reserved:  resb 1
    .count:     resw 1
    .offset:    resw 1
    .segment:   resw 1
    .lba:       resq 1
endstruc

    jmp short boot
    nop
    times 87 db 0          ; BPB space
boot:
    xor ax, ax
    mov ds, ax
    mov ss, ax
    mov sp, 0x7C00
    mov [drive], dl

    mov ah, 41h
    mov bx, 55AAh
    int 13h
    jc .noext
    cmp bx, 0AA55h
    jne .noext
    test cl, 1
    jz .noext

    mov byte [dap + DAP.size], DAP_size
    mov word [dap + DAP.count], 16
    mov word [dap + DAP.offset], 0
    mov word [dap + DAP.segment], 0x1000
    mov dword [dap + DAP.lba], 1
    mov dword [dap + DAP.lba + 4], 0
    mov si, dap
    mov ah, 42h
    mov dl, [drive]
    int 13h
    jc .fail
    jmp 0x1000:0
.noext:
.fail:
    mov si, failmsg
    call puts
    cli
    hlt

puts:
    push ax
    push bx
.l: lodsb
    test al, al
    jz .e
    mov ah, 0x0e
    xor bx, bx
    int 0x10
    jmp .l
.e: pop bx
    pop ax
    ret

failmsg: db `Boot failed\r\n`, 0
drive:   db 0
align 4
dap: istruc DAP
    at DAP.size, db 16
    at DAP.reserved, db 0
    at DAP.count, dw 1
    at DAP.offset, dw 0x8000
    at DAP.segment, dw 0
    at DAP.lba, dq 1
iend

times 510-($-$$) db 0
db 0x55, 0xaa
