; Port I/O for the test kernels of src/rustc/programs. Our Rust compiler refuses `asm!`, so
; both builds of every program (real rustc and Bootlab) link this object and declare
;   extern "C" { fn outb(port: u16, value: u8); fn inb(port: u16) -> u8;
;                fn outl(port: u16, value: u32); fn inl(port: u16) -> u32; }
; System V calling convention: the port arrives in edi, the value in esi, a result goes in eax.
; The file is assembled as a flat binary; the table at its end gives each function's offset
; (in the order of PORT_FUNCTIONS in harness.ts), from which the harness makes the symbols.
bits 64

outb:
    mov edx, edi
    mov eax, esi
    out dx, al
    ret

inb:
    mov edx, edi
    xor eax, eax
    in al, dx
    ret

outl:
    mov edx, edi
    mov eax, esi
    out dx, eax
    ret

inl:
    mov edx, edi
    in eax, dx
    ret

align 4, db 0xcc
symbol_table:
    dd outb, inb, outl, inl
