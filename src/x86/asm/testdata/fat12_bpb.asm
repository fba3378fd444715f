; FAT12 floppy boot sector with BPB
bits 16
org 0x7C00

jmp short boot
nop

OEMLabel            db "MYBOOT  "
BytesPerSector      dw 512
SectorsPerCluster   db 1
ReservedForBoot     dw 1
NumberOfFats        db 2
RootDirEntries      dw 224
LogicalSectors      dw 2880
MediumByte          db 0F0h
SectorsPerFat       dw 9
SectorsPerTrack     dw 18
Sides               dw 2
HiddenSectors       dd 0
LargeSectors        dd 0
DriveNo             dw 0
Signature           db 41
VolumeID            dd 00000000h
VolumeLabel         db "MYOS       "
FileSystem          db "FAT12   "

boot:
    mov ax, 07C0h - 0x7C0
    cli
    mov ss, ax
    mov sp, 0x7C00
    sti
    mov ds, ax
    mov es, ax
    mov [bootdev], dl

    ; root dir at LBA = reserved + fats*spf
    mov ax, 19
    call l2hts
    mov si, buffer
    mov bx, ds
    mov es, bx
    mov bx, si
    mov ah, 2
    mov al, 14
    pusha
.read_root:
    popa
    pusha
    stc
    int 13h
    jnc .search
    call reset_floppy
    jnc .read_root
    jmp reboot

.search:
    popa
    mov ax, ds
    mov es, ax
    mov di, buffer
    mov cx, word [RootDirEntries]
    mov ax, 0
.next_root_entry:
    xchg cx, dx
    mov si, kern_filename
    mov cx, 11
    rep cmpsb
    je .found
    add ax, 32
    mov di, buffer
    add di, ax
    xchg dx, cx
    loop .next_root_entry
    mov si, file_not_found
    call print_string
    jmp reboot
.found:
    mov ax, word [es:di+0Fh]
    mov word [cluster], ax
    jmp 0x2000:0000

reboot:
    mov ax, 0
    int 16h
    mov ax, 0
    int 19h

print_string:
    pusha
    mov ah, 0Eh
.repeat:
    lodsb
    cmp al, 0
    je .done
    int 10h
    jmp short .repeat
.done:
    popa
    ret

reset_floppy:
    push ax
    push dx
    mov ax, 0
    mov dl, byte [bootdev]
    stc
    int 13h
    pop dx
    pop ax
    ret

l2hts:
    push bx
    push ax
    mov bx, ax
    mov dx, 0
    div word [SectorsPerTrack]
    add dl, 01h
    mov cl, dl
    mov ax, bx
    mov dx, 0
    div word [SectorsPerTrack]
    mov dx, 0
    div word [Sides]
    mov dh, dl
    mov ch, al
    pop ax
    pop bx
    mov dl, byte [bootdev]
    ret

kern_filename   db "KERNEL  BIN"
file_not_found  db "KERNEL.BIN not found!", 0
bootdev         db 0
cluster         dw 0
pointer         dw 0

    times 510-($-$$) db 0
    dw 0AA55h
buffer:
