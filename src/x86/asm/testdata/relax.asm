; Forward references and branch relaxation: jumps that just fit in 8 bits, ones that just
; do not, chains where one jump growing pushes another out of reach, conditional jumps in
; 16-bit code (near form needs a 386), loops, and explicit short/near/strict.
        bits 16
        org 0

start:
        jmp fits                ; exactly 127 ahead
        times 127 nop
fits:
        jmp toofar              ; 128 ahead: needs the near form
        times 128 nop
toofar:
        jz chain1
        jnz chain2
        times 60 nop
chain1: jmp chain3
        times 60 nop
chain2: jmp chain3
        times 6 nop
chain3: nop
back:   times 100 nop
        jmp back                ; backward, within reach
        jc back
        times 30 nop
        jnc back                ; backward, just out of reach
        loop back2
back2:  jcxz back2
        jmp near next
next:   jmp short next2
next2:  jmp strict near next3
next3:  call far_proc
        call next3
        jmp word 0x7c0:start
        jmp 0xffff:0
        jmp $ + 2
        jmp $
        mov ax, forward_value   ; an immediate defined later
        add ax, forward_value   ; sign-extended imm8 once it is known
        add ax, forward_far - start
        push forward_value
        mov bx, [bp + forward_value]
far_proc:
        ret
forward_value equ 5
forward_far:
        times 40 db 0
        bits 32
        jmp start32
        times 200 nop
start32:
        jne start32
        jmp start
        call start32
        loop start32
        jecxz start32
