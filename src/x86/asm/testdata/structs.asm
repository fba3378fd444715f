; Structures: struc/endstruc field offsets and _size, istruc/at/iend instances,
; and `absolute` for naming memory that the program does not contain.
        bits 16
        org 0x7c00

struc gdt_entry
  .limit_low:   resw 1
  .base_low:    resw 1
  .base_mid:    resb 1
  .access:      resb 1
  .granularity: resb 1
  .base_high:   resb 1
endstruc

struc bpb, 3
  .oem:         resb 8
  .bytes_per_sector: resw 1
  .sectors_per_cluster: resb 1
endstruc

absolute 0x500
scratch:        resb 16
sector_buffer:  resb 512
after_buffer:

section .text
        jmp short code
        nop
        db "BOOTLAB "
        dw 512
        db 1
code:
        mov ax, [bx + gdt_entry.access]
        mov cx, gdt_entry_size
        mov dx, bpb.bytes_per_sector
        push gdt_entry.base_high
        mov di, sector_buffer
        mov si, scratch + 4
        mov ax, after_buffer - scratch
        lgdt [gdt_ptr]
        hlt

gdt:
null_desc: istruc gdt_entry
iend
code_desc: istruc gdt_entry
  at gdt_entry.limit_low,   dw 0xffff
  at gdt_entry.access,      db 10011010b
  at gdt_entry.granularity, db 11001111b
iend
data_desc: istruc gdt_entry
  at gdt_entry.limit_low,   dw 0xffff
  at gdt_entry.access,      db 10010010b, 11001111b
iend
gdt_end:
gdt_ptr:
        dw gdt_end - gdt - 1
        dd gdt
        times 510-($-$$) db 0
        dw 0xaa55
