; Declare constants for the multiboot header.
MBALIGN  equ  1 << 0            ; align loaded modules on page boundaries
MEMINFO  equ  1 << 1            ; provide memory map
MBFLAGS  equ  MBALIGN | MEMINFO ; this is the Multiboot 'flag' field
MAGIC    equ  0x1BADB002        ; 'magic number' lets bootloader find the header
CHECKSUM equ -(MAGIC + MBFLAGS)   ; checksum of above, to prove we are multiboot

bits 32
org 0x100000

section .multiboot
align 4
	dd MAGIC
	dd MBFLAGS
	dd CHECKSUM
	dd -(MAGIC + MBFLAGS)

section .text
global _start
_start:
	mov esp, stack_top
	push ebx
	push eax
	call kernel_main
	cli
.hang:	hlt
	jmp .hang
.end:

kernel_main:
	push ebp
	mov ebp, esp
	mov eax, [ebp+8]
	cmp eax, 0x2BADB002
	jne .bad
	mov edi, 0xB8000
	mov ecx, 80*25
	mov ax, 0x0720
	rep stosw
	mov dword [0xB8000], 0x2f4b2f4f
.bad:
	leave
	ret

section .bss
align 16
stack_bottom:
resb 16384 ; 16 KiB
stack_top:
