bits 32
%define PIC1            0x20
%define PIC2            0xA0
%define PIC1_COMMAND    PIC1
%define PIC1_DATA       (PIC1+1)
%define PIC2_COMMAND    PIC2
%define PIC2_DATA       (PIC2+1)
%define ICW1_INIT 0x10
%define ICW1_ICW4 0x01
%define ICW4_8086 0x01

%macro outb 2
    mov al, %2
    out %1, al
%endmacro

%macro io_wait 0
    out 0x80, al
%endmacro

; void pic_remap(int offset1, int offset2)
pic_remap:
    push ebp
    mov ebp, esp
    push ebx
    in al, PIC1_DATA
    mov bl, al
    in al, PIC2_DATA
    mov bh, al
    outb PIC1_COMMAND, ICW1_INIT | ICW1_ICW4
    io_wait
    outb PIC2_COMMAND, ICW1_INIT | ICW1_ICW4
    io_wait
    mov eax, [ebp+8]
    out PIC1_DATA, al
    io_wait
    mov eax, [ebp+12]
    out PIC2_DATA, al
    io_wait
    outb PIC1_DATA, 4
    io_wait
    outb PIC2_DATA, 2
    io_wait
    outb PIC1_DATA, ICW4_8086
    outb PIC2_DATA, ICW4_8086
    mov al, bl
    out PIC1_DATA, al
    mov al, bh
    out PIC2_DATA, al
    pop ebx
    pop ebp
    ret

; uint8_t inb(uint16_t port)
inb:
    mov dx, [esp+4]
    in al, dx
    movzx eax, al
    ret
; void outb(uint16_t port, uint8_t val)
outb_c:
    mov dx, [esp+4]
    mov al, [esp+8]
    out dx, al
    ret
inw:
    mov edx, [esp+4]
    in ax, dx
    ret
outl:
    mov edx, [esp+4]
    mov eax, [esp+8]
    out dx, eax
    ret
insw_c:
    push edi
    mov edx, [esp+8]
    mov edi, [esp+12]
    mov ecx, [esp+16]
    cld
    rep insw
    pop edi
    ret
; PIT setup
pit_init:
    mov al, 0x36
    out 0x43, al
    mov ax, 1193182 / 100
    out 0x40, al
    mov al, ah
    out 0x40, al
    ret
