org 0x7c00
bits 16
    mov si, msg
    jmp short done
    times 200 db 0
done:
    loop done
msg: db "x", 0
times 510-($-$$) db 0
dw 0xaa55
times 510-($-$$) db 0
