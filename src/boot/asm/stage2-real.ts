// Stage 2, real-mode part: everything that needs the BIOS. Enables A20, checks CPUID for
// long mode (and NX), reads the E820 memory map into the boot information area, then loads
// the kernel's ELF file to 1 MiB: int 13h AH=42h reads of at most 127 sectors into a buffer
// below 1 MiB (what SeaBIOS accepts), each copied up in unreal mode (FS with a 4 GiB limit).

export const stage2RealAsm = `
; ================= stage 2: real mode (0x7e00) =================
stage2_start:
    call enable_a20
    call check_long_mode
    call read_memory_map
    call check_file_fits
    call load_kernel_file
    jmp enter_protected_mode

; ---- A20 ----
; Tries: already on, int 15h AX=2401h, then the fast A20 gate on port 0x92.
enable_a20:
    call a20_is_on
    jnz .on
    mov ax, 0x2401
    int 0x15
    call a20_is_on
    jnz .on
    in al, 0x92
    or al, 2
    and al, 0xfe                   ; bit 0 would reset the machine
    out 0x92, al
    call a20_is_on
    jnz .on
    mov si, msg_a20
    jmp fail16
.on:
    ret

; ZF=0 when A20 is on: 0000:0500 and FFFF:0510 are the same byte only when addresses wrap.
a20_is_on:
    push ds
    push es
    xor ax, ax
    mov ds, ax
    not ax
    mov es, ax
    mov si, 0x0500
    mov di, 0x0510
    mov al, [ds:si]
    push ax
    mov al, [es:di]
    push ax
    mov byte [ds:si], 0x00
    mov byte [es:di], 0xff
    cmp byte [ds:si], 0xff         ; ZF=1: the write to 1 MiB + 0x500 landed at 0x500
    pop ax
    mov [es:di], al
    pop ax
    mov [ds:si], al
    pop es
    pop ds
    ret

; ---- CPUID: long mode is required, NX is used when present ----
check_long_mode:
    pushfd                         ; CPUID exists when EFLAGS.ID can be flipped
    pop eax
    mov ecx, eax
    xor eax, 1 << 21
    push eax
    popfd
    pushfd
    pop eax
    push ecx
    popfd
    xor eax, ecx
    jz .no_long_mode
    mov eax, 0x80000000
    cpuid
    cmp eax, 0x80000001
    jb .no_long_mode
    mov eax, 0x80000001
    cpuid
    test edx, 1 << 29              ; LM
    jz .no_long_mode
    test edx, 1 << 20              ; NX
    jz .done
    mov byte [nx_supported], 1
.done:
    ret
.no_long_mode:
    mov si, msg_no_long_mode
    jmp fail16

; ---- E820 memory map, to MEMORY_MAP (24-byte entries) ----
read_memory_map:
    push es
    push word MEMORY_MAP >> 4
    pop es
    mov di, MEMORY_MAP & 0xf
    xor ebx, ebx
    xor bp, bp                     ; entries kept
.next:
    mov dword [es:di + 20], 1      ; ACPI 3 attributes: "valid" unless the BIOS says otherwise
    mov eax, 0xe820
    mov edx, 0x534d4150            ; 'SMAP'
    mov ecx, 24
    int 0x15
    jc .carry
    cmp eax, 0x534d4150
    jne .failed
    mov eax, [es:di + 8]           ; skip empty entries
    or eax, [es:di + 12]
    jz .skip
    inc bp
    add di, 24
    cmp bp, MEMORY_MAP_MAX
    jae .done
.skip:
    test ebx, ebx                  ; EBX=0 after the last entry
    jnz .next
    jmp .done
.carry:                            ; CF on a later call also means "no more entries"
    test bp, bp
    jz .failed
.done:
    mov [memory_map_entries], bp
    pop es
    ret
.failed:
    pop es
    mov si, msg_no_memory_map
    jmp fail16

; ---- before loading: the file must fit in the usable RAM that starts at or below 1 MiB ----
; (the long-mode loader checks the file plus the kernel's frames again, with 64-bit numbers)
check_file_fits:
    push es
    push word MEMORY_MAP >> 4
    pop es
    mov di, MEMORY_MAP & 0xf
    mov cx, [memory_map_entries]
    xor ebx, ebx                   ; ebx: end of that region (capped at 4 GiB - 1)
.entry:
    jcxz .compare
    cmp dword [es:di + 16], 1      ; usable
    jne .next
    cmp dword [es:di + 4], 0       ; base below 4 GiB...
    jne .next
    cmp dword [es:di], KERNEL_FILE ; ...and at most 1 MiB
    ja .next
    mov eax, [es:di]
    mov edx, [es:di + 12]
    add eax, [es:di + 8]
    adc edx, 0
    jz .end_known
    or eax, -1                     ; ends above 4 GiB
.end_known:
    cmp eax, KERNEL_FILE
    jbe .next
    mov ebx, eax
.next:
    add di, 24
    dec cx
    jmp .entry
.compare:
    pop es
    cmp ebx, KERNEL_FILE + KERNEL_SECTORS * 512
    jb .too_big
    ret
.too_big:
    mov si, msg_no_memory
    jmp fail16

; ---- the kernel file: KERNEL_SECTORS sectors from KERNEL_LBA, to KERNEL_FILE ----
load_kernel_file:
    mov dword [load_lba], KERNEL_LBA
    mov dword [load_left], KERNEL_SECTORS
    mov dword [load_target], KERNEL_FILE
.chunk:
    mov eax, [load_left]
    test eax, eax
    jz .done
    cmp eax, 127                   ; SeaBIOS rejects more than 127 sectors a call
    jbe .sized
    mov eax, 127
.sized:
    mov [kernel_packet.count], ax
    mov [load_chunk], eax
    mov eax, [load_lba]
    mov [kernel_packet.lba], eax
    mov si, kernel_packet
    mov ah, 0x42
    mov dl, [boot_drive]
    int 0x13
    jc .read_failed
    call enter_unreal_mode         ; again each time: a BIOS call may reload FS
    mov esi, BOUNCE_BUFFER
    mov edi, [load_target]
    mov ecx, [load_chunk]
    shl ecx, 7                     ; 128 dwords a sector
.copy:
    mov eax, [fs:esi]
    mov [fs:edi], eax
    add esi, 4
    add edi, 4
    dec ecx
    jnz .copy
    mov [load_target], edi
    mov eax, [load_chunk]
    add [load_lba], eax
    sub [load_left], eax
    jmp .chunk
.read_failed:
    mov si, msg_kernel_read
    jmp fail16
.done:
    ret

; Loads FS with the flat 4 GiB data descriptor in protected mode and comes back: the segment
; keeps its 4 GiB limit in real mode ("unreal mode"), with base 0.
enter_unreal_mode:
    cli
    lgdt [gdt_pointer]
    mov eax, cr0
    or al, 1
    mov cr0, eax
    mov bx, DATA_SEL
    mov fs, bx
    and al, 0xfe
    mov cr0, eax
    xor bx, bx
    mov fs, bx
    sti
    ret

align 4
kernel_packet:
    db 16, 0
.count: dw 0
    dw BOUNCE_BUFFER & 0xf, BOUNCE_BUFFER >> 4
.lba: dd 0, 0
load_lba:    dd 0
load_left:   dd 0
load_chunk:  dd 0
load_target: dd 0
memory_map_entries: dw 0
nx_supported: db 0
`;
