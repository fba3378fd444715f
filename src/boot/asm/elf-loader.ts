// The 64-bit part: checks the kernel's ELF64 file (at KERNEL_FILE, KERNEL_SIZE bytes), puts
// its PT_LOAD segments in physical memory (at their own addresses when they lie in the usable
// RAM above 1 MiB, else in frames right after the file), copies their file bytes and zeroes the
// rest (.bss), maps them at their virtual addresses with their permissions, fills the boot
// information structure and jumps to the entry point with rdi pointing at it.
//
// Order matters: the copying is done through the identity map *before* any kernel page is
// mapped, because mapping a kernel page at, say, 0x200000 hides the identity-mapped physical
// page there (which may hold part of the file or of the frames).
//
// Frames (when the segments cannot sit at their own addresses): the segments are sorted by
// address (the ELF rule; anything else is reported as overlapping), so they are given
// consecutive frames; a segment whose first page is the previous segment's last page shares
// that frame, and the page gets the union of both segments' permissions. A segment's bytes are
// therefore physically contiguous.

export const elfLoaderAsm = `
; ================= long mode: check, load and start the kernel =================
PT_LOAD equ 1
PF_X    equ 1
PF_W    equ 2
PAGE_PRESENT  equ 1
PAGE_WRITABLE equ 2
PAGE_LARGE    equ 0x80

%macro fail 1
    mov rsi, %1
    jmp fatal64
%endmacro

load_kernel:
    mov r15, KERNEL_FILE           ; r15: the file, r14: its size
    mov r14, KERNEL_SIZE
    cmp r14, 4
    jb .not_elf
    cmp dword [r15], 0x464c457f    ; 0x7f 'E' 'L' 'F'
    jne .not_elf
    cmp r14, 5
    jb .truncated_header
    cmp byte [r15 + 4], 2          ; EI_CLASS: ELFCLASS64
    je .class_ok
    cmp byte [r15 + 4], 1
    je .elf32
    fail msg_bad_class
.class_ok:
    cmp r14, 64
    jb .truncated_header
    cmp byte [r15 + 5], 1          ; EI_DATA: little-endian
    jne .big_endian
    cmp word [r15 + 18], 62        ; e_machine: EM_X86_64
    jne .wrong_machine
    cmp word [r15 + 16], 2         ; e_type: ET_EXEC
    jne .not_executable
    movzx ecx, word [r15 + 56]     ; e_phnum
    test ecx, ecx
    jz .no_segments
    cmp word [r15 + 54], 56        ; e_phentsize
    jne .bad_phentsize
    mov rbx, [r15 + 32]            ; e_phoff
    cmp rbx, r14
    ja .headers_truncated
    imul eax, ecx, 56
    mov rdx, r14
    sub rdx, rbx
    cmp rax, rdx
    ja .headers_truncated
    add rbx, r15                   ; rbx: the first program header

    ; -- pass 1: check every PT_LOAD segment and record it in the segment table --
    mov rdi, SEGMENT_TABLE
    xor r13d, r13d                 ; r13: segments recorded
    xor r12d, r12d                 ; r12: end of the previous segment
    xor r11d, r11d                 ; r11: 1 once the entry point is inside an executable segment
    mov r10, [r15 + 24]            ; r10: e_entry (kept in memory too: once the kernel is
    mov [kernel_entry], r10        ; mapped, its pages may hide the file at KERNEL_FILE)
.header:
    cmp dword [rbx], PT_LOAD
    jne .next_header
    mov r8, [rbx + 40]             ; p_memsz
    test r8, r8
    jz .next_header                ; an empty segment occupies nothing
    mov r9, [rbx + 32]             ; p_filesz
    cmp r9, r8
    ja .filesz_too_big
    test r9, r9                    ; no file bytes (all .bss): p_offset does not matter
    jz .data_inside
    mov rax, [rbx + 8]             ; p_offset
    cmp rax, r14
    ja .data_outside
    mov rdx, r14
    sub rdx, rax
    cmp r9, rdx
    ja .data_outside
.data_inside:
    mov rax, [rbx + 16]            ; p_vaddr
    cmp rax, LOWEST_KERNEL
    jb .too_low
    mov rdx, rax
    add rdx, r8                    ; rdx: end of the segment
    jc .non_canonical
    mov rsi, 0x0000800000000000
    cmp rax, rsi
    jae .high_half
    cmp rdx, rsi
    ja .non_canonical
    jmp .canonical
.high_half:
    mov rsi, 0xffff800000000000
    cmp rax, rsi
    jb .non_canonical
.canonical:
    cmp rax, r12
    jb .overlap
    mov r12, rdx
    cmp r13, SEGMENT_MAX
    jae .too_many
    mov [rdi + SEG_VADDR], rax
    mov [rdi + SEG_MEMSZ], r8
    mov [rdi + SEG_FILESZ], r9
    mov rsi, [rbx + 8]
    mov [rdi + SEG_OFFSET], rsi
    mov esi, [rbx + 4]             ; p_flags
    mov [rdi + SEG_FLAGS], rsi
    test esi, PF_X
    jz .recorded
    cmp r10, rax
    jb .recorded
    cmp r10, rdx
    jae .recorded
    mov r11d, 1
.recorded:
    add rdi, SEG_ENTRY
    inc r13
.next_header:
    add rbx, 56
    dec ecx
    jnz .header
    test r13, r13
    jz .no_segments
    test r11, r11
    jz .bad_entry

    ; -- pass 2: physical memory for the segments --
    ; At their own addresses (physical = virtual) when all of them lie in the usable RAM that
    ; starts at 1 MiB, moving the file up out of their way if need be; otherwise in frames
    ; right after the file (higher-half kernels, for instance).
    call usable_end_at_1mib        ; rax: end of the usable RAM that holds 1 MiB
    mov [usable_end], rax
    mov rdx, r12                   ; r12: end of the last (highest) segment
    add rdx, 0xfff
    jc .frames                     ; (at the very end of the address space)
    and rdx, -0x1000               ; rdx: end of the kernel's last page
    cmp rdx, rax
    ja .frames
    mov rsi, [SEGMENT_TABLE + SEG_VADDR]
    and rsi, -0x1000               ; rsi: the kernel's first page
    lea rax, [r15 + r14]
    cmp rax, rsi                   ; the file ends before the kernel starts,
    jbe .identity
    cmp r15, rdx                   ; or starts after it ends: it can stay
    jae .identity
    lea rax, [rdx + r14]           ; else it moves to just above the kernel, if that fits
    cmp rax, [usable_end]
    ja .frames
    mov rdi, rax                   ; copy backwards: the new place is above the old
    dec rdi
    lea rsi, [r15 + r14 - 1]
    mov rcx, r14
    std
    rep movsb
    cld
    mov r15, rdx
    mov rsi, [SEGMENT_TABLE + SEG_VADDR]
    and rsi, -0x1000
.identity:
    mov [BOOT_INFO + BI_KERNEL_PHYS], rsi
    mov [BOOT_INFO + BI_KERNEL_PHYS_END], rdx
    mov rdi, SEGMENT_TABLE
    mov rcx, r13
.same_address:
    mov rax, [rdi + SEG_VADDR]
    mov [rdi + SEG_PHYS], rax
    add rdi, SEG_ENTRY
    dec rcx
    jnz .same_address
    jmp .place_done

.frames:
    lea rbx, [r15 + r14 + 0xfff]
    and rbx, -0x1000               ; rbx: next free frame
    mov [BOOT_INFO + BI_KERNEL_PHYS], rbx
    mov rdi, SEGMENT_TABLE
    mov rcx, r13
    mov rdx, 1                     ; rdx: the previous segment's last page (1: none)
.assign:
    mov rax, [rdi + SEG_VADDR]
    mov rsi, rax
    and rsi, -0x1000               ; first page
    mov r8, rbx                    ; its frame: a new one...
    cmp rsi, rdx
    jne .own_first_page
    sub r8, 0x1000                 ; ...or the previous segment's last
.own_first_page:
    and eax, 0xfff
    add rax, r8
    mov [rdi + SEG_PHYS], rax
    mov rax, [rdi + SEG_VADDR]     ; last page
    add rax, [rdi + SEG_MEMSZ]
    dec rax
    and rax, -0x1000
    mov rdx, rax
    sub rax, rsi                   ; frames = (last - first) / 4096 + 1, less a shared one
    add rax, 0x1000
    add rax, r8
    mov rbx, rax
    add rdi, SEG_ENTRY
    dec rcx
    jnz .assign
    mov [BOOT_INFO + BI_KERNEL_PHYS_END], rbx
    cmp rbx, [usable_end]
    ja .no_memory
.place_done:

    ; -- pass 3: zero every segment's pages, then copy the file bytes (in two loops: a page
    ; shared by two segments must not be zeroed after the first one's bytes are in) --
    mov rbx, SEGMENT_TABLE
    mov rdx, r13
.zero:
    mov rdi, [rbx + SEG_PHYS]
    mov rcx, rdi
    add rcx, [rbx + SEG_MEMSZ]
    add rcx, 0xfff
    and rcx, -0x1000
    and rdi, -0x1000
    sub rcx, rdi
    shr rcx, 3
    xor eax, eax
    rep stosq
    add rbx, SEG_ENTRY
    dec rdx
    jnz .zero
    mov rbx, SEGMENT_TABLE
    mov rdx, r13
.copy:
    mov rsi, [rbx + SEG_OFFSET]
    add rsi, r15
    mov rdi, [rbx + SEG_PHYS]
    mov rcx, [rbx + SEG_FILESZ]
    rep movsb
    add rbx, SEG_ENTRY
    dec rdx
    jnz .copy

    ; -- pass 4: map every page of every segment --
    mov qword [next_free_table], FIRST_FREE_TABLE
    mov rbx, SEGMENT_TABLE
    mov r12, 1                     ; the previous segment's last page
.map_segment:
    mov r8, PAGE_PRESENT           ; r8: the segment's page flags
    test qword [rbx + SEG_FLAGS], PF_W
    jz .read_only
    or r8, PAGE_WRITABLE
.read_only:
    test qword [rbx + SEG_FLAGS], PF_X
    jnz .executable
    cmp byte [nx_supported], 0
    je .executable
    bts r8, 63                     ; no-execute
.executable:
    mov r9, [rbx + SEG_VADDR]
    and r9, -0x1000                ; r9: page
    mov r10, [rbx + SEG_PHYS]
    and r10, -0x1000               ; r10: its frame
    mov r11, [rbx + SEG_VADDR]
    add r11, [rbx + SEG_MEMSZ]
    dec r11
    and r11, -0x1000               ; r11: the last page
.map_page:
    mov rdi, r9
    call page_table_entry          ; rax: address of the page's PTE
    cmp r9, r12
    jne .fresh
    mov rsi, [rax]                 ; shared with the previous segment: the union of rights
    mov rdx, r8
    and rdx, PAGE_WRITABLE
    or rsi, rdx
    bt r8, 63
    jc .merged
    btr rsi, 63
.merged:
    mov [rax], rsi
    jmp .mapped
.fresh:
    mov rsi, r10
    or rsi, r8
    mov [rax], rsi
.mapped:
    add r10, 0x1000
    cmp r9, r11
    je .segment_done
    add r9, 0x1000
    jmp .map_page
.segment_done:
    mov r12, r11
    add rbx, SEG_ENTRY
    dec r13
    jnz .map_segment
    mov rax, cr3                   ; drop stale translations (split 2 MiB pages)
    mov cr3, rax

    ; -- boot information, stack, entry --
    mov rdi, BOOT_INFO
    mov rax, BOOT_INFO_MAGIC
    mov [rdi + BI_MAGIC], rax
    mov dword [rdi + BI_VERSION], 1
    mov dword [rdi + BI_SIZE], BOOT_INFO_SIZE
    mov qword [rdi + BI_MEMORY_MAP], MEMORY_MAP
    movzx eax, word [memory_map_entries]
    mov [rdi + BI_MEMORY_MAP_LEN], rax
    mov [rdi + BI_KERNEL_FILE], r15
    mov [rdi + BI_KERNEL_FILE_SIZE], r14
    mov qword [rdi + BI_TABLES_START], PAGE_TABLES
    mov rax, [next_free_table]
    mov [rdi + BI_TABLES_END], rax
    mov rax, cr3
    mov [rdi + BI_PAGE_TABLE_ROOT], rax
    mov qword [rdi + BI_STACK_BOTTOM], STACK_BOTTOM
    mov qword [rdi + BI_STACK_TOP], STACK_TOP
    mov rax, 0x100000000
    mov [rdi + BI_IDENTITY_END], rax
    movzx eax, byte [boot_drive]
    mov [rdi + BI_BOOT_DRIVE], eax
    movzx eax, byte [nx_supported]
    mov [rdi + BI_FLAGS], eax
    mov rax, [kernel_entry]
    mov rsp, STACK_TOP
    push 0                         ; a null return address: rsp+8 is 16-byte aligned, as after a call
    xor ebp, ebp
    jmp rax

.not_elf:
    fail msg_not_elf
.truncated_header:
    fail msg_truncated_header
.elf32:
    fail msg_elf32
.big_endian:
    fail msg_big_endian
.wrong_machine:
    fail msg_wrong_machine
.not_executable:
    fail msg_not_executable
.no_segments:
    fail msg_no_segments
.bad_phentsize:
    fail msg_bad_phentsize
.headers_truncated:
    fail msg_headers_truncated
.filesz_too_big:
    fail msg_filesz_too_big
.data_outside:
    fail msg_data_outside
.too_low:
    fail msg_too_low
.non_canonical:
    fail msg_non_canonical
.overlap:
    fail msg_overlap
.too_many:
    fail msg_too_many
.bad_entry:
    fail msg_bad_entry
.no_memory:
    fail msg_no_memory

; rax = the end of the E820 "usable" entry that contains KERNEL_FILE, at most 4 GiB (the
; frames must be inside the identity map); 0 when there is none.
usable_end_at_1mib:
    mov rsi, MEMORY_MAP
    movzx ecx, word [memory_map_entries]
    xor eax, eax
.entry:
    test ecx, ecx
    jz .done
    cmp dword [rsi + 16], 1        ; usable
    jne .next
    mov rdx, [rsi]
    cmp rdx, KERNEL_FILE
    ja .next
    add rdx, [rsi + 8]
    cmp rdx, KERNEL_FILE
    jbe .next
    mov rax, rdx
.next:
    add rsi, 24
    dec ecx
    jmp .entry
.done:
    mov rdx, 0x100000000
    cmp rax, rdx
    jbe .capped
    mov rax, rdx
.capped:
    ret

; rax = address of the page-table entry for the 4 KiB page at rdi, creating tables as needed
; and splitting a 2 MiB identity page into 512 identity 4 KiB pages when the page is inside one.
; Uses rax, rcx, rdx, rsi.
page_table_entry:
    mov rsi, PML4
    mov ecx, 39
    call .table                    ; rsi: PDPT
    mov ecx, 30
    call .table                    ; rsi: page directory
    mov rax, rdi
    shr rax, 21
    and eax, 511
    lea rdx, [rsi + rax * 8]       ; rdx: the PDE
    mov rax, [rdx]
    test al, PAGE_LARGE
    jz .not_large
    push rdi
    push rdx
    call allocate_table            ; rax: a new page table, filled with the 2 MiB page's 512 pages
    mov rdi, rax
    mov rdx, [rsp]
    mov rdx, [rdx]
    and rdx, ~(PAGE_LARGE | 0x1000) ; the same rights; bit 12 was the large page's PAT bit
    mov ecx, 512
.split:
    mov [rdi], rdx
    add rdx, 0x1000
    add rdi, 8
    dec ecx
    jnz .split
    pop rdx
    pop rdi
    or rax, PAGE_PRESENT | PAGE_WRITABLE
    mov [rdx], rax
.not_large:
    mov ecx, 21
    call .table                    ; rsi: page table
    mov rax, rdi
    shr rax, 12
    and eax, 511
    lea rax, [rsi + rax * 8]
    ret
; rsi = the table that the entry of table rsi selected by bits cl.. of rdi points at (made if absent)
.table:
    mov rax, rdi
    shr rax, cl
    and eax, 511
    lea rdx, [rsi + rax * 8]
    mov rax, [rdx]
    test al, PAGE_PRESENT
    jnz .present
    push rdi
    call allocate_table
    pop rdi
    mov rsi, rax
    or rax, PAGE_PRESENT | PAGE_WRITABLE
    mov [rdx], rax
    ret
.present:
    mov rsi, 0x000ffffffffff000
    and rsi, rax
    ret

; rax = a zeroed 4 KiB page from the page-table area; halts with a message when it is full.
; Uses rax, rdi (and rcx, saved).
allocate_table:
    mov rax, [next_free_table]
    cmp rax, PAGE_TABLES_LIMIT
    jae .full
    push rcx
    mov rdi, rax
    mov ecx, 512
    push rax
    xor eax, eax
    rep stosq
    pop rax
    pop rcx
    add qword [next_free_table], 0x1000
    ret
.full:
    fail msg_out_of_tables

align 8
next_free_table: dq FIRST_FREE_TABLE
kernel_entry:    dq 0
usable_end:      dq 0
`;
