// Small boot sectors for the tests of the screen, the worker and the e2e suite, assembled by
// our own assembler (src/x86/asm) when a test asks for them.
import { assemble } from '../../x86/asm/index.ts';

const HEADER = 'bits 16\norg 0x7c00\n';
const FOOTER = '\ntimes 510-($-$$) db 0\ndw 0xaa55\n';

/** Prints a line through the BIOS (int 10h, teletype) and writes another straight into 0xB8000. */
export const HELLO_SOURCE = `${HEADER}
start:
  xor ax, ax
  mov ds, ax
  mov si, msg
.print:
  lodsb
  test al, al
  jz .direct
  mov ah, 0x0e
  mov bx, 0x0007
  int 0x10
  jmp .print
.direct:
  mov ax, 0xb800
  mov es, ax
  mov di, 2*160          ; row 2, column 0
  mov si, msg2
.copy:
  lodsb
  test al, al
  jz .done
  mov ah, 0x1f           ; white on blue
  stosw
  jmp .copy
.done:
  cli
  hlt
msg: db "Hello from int 10h", 13, 10, 0
msg2: db "Hello, VGA memory", 0
${FOOTER}`;

/** Echoes every key it reads through int 16h to the screen through int 10h. */
export const ECHO_SOURCE = `${HEADER}
start:
  xor ax, ax
  mov ds, ax
  mov si, prompt
.print:
  lodsb
  test al, al
  jz .keys
  mov ah, 0x0e
  int 0x10
  jmp .print
.keys:
  mov ah, 0x00
  int 0x16               ; wait for a key: AL = its character
  mov ah, 0x0e
  int 0x10
  jmp .keys
prompt: db "Type: ", 0
${FOOTER}`;

/** Never stops: a guest in a tight loop with interrupts off. */
export const SPIN_SOURCE = `${HEADER}
start:
  cli
  mov ax, 0xb800
  mov es, ax
  mov word [es:0], 0x0e53  ; a yellow 'S' top left
.spin:
  inc dx
  jmp .spin
${FOOTER}`;

export function assembleBootSector(source: string, fileName = 'boot.asm'): Uint8Array {
  const r = assemble(source, { fileName, bits: 16, readFile: () => undefined });
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.bytes;
}

/** A 64-bit kernel body for an ELF at 0x200000: writes a line into 0xB8000, then halts. */
export const KERNEL64_SOURCE = `bits 64
org 0x200000
_start:
  mov rdi, 0xb8000 + 10*160
  mov rsi, msg
  mov ah, 0x2f           ; white on green
.copy:
  lodsb
  test al, al
  jz .done
  stosw
  jmp .copy
.done:
  cli
  hlt
  jmp .done
msg: db "Hello from an ELF kernel", 0
`;

export function assemble64(source: string, fileName = 'kernel.asm'): Uint8Array {
  const r = assemble(source, { fileName, bits: 64, readFile: () => undefined });
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.bytes;
}

/** Rewrites all 2000 cells with new characters and colours, over and over: every frame changes. */
export const FLOOD_SOURCE = `${HEADER}
start:
  cli
  mov ax, 0xb800
  mov es, ax
  xor bx, bx
.frame:
  xor di, di
  mov cx, 2000
  mov ax, bx
.cell:
  stosw
  add ax, 0x0101
  loop .cell
  inc bx
  jmp .frame
${FOOTER}`;

/** Sends a line on COM1 (port 0x3F8), then halts. */
export const SERIAL_SOURCE = `${HEADER}
start:
  xor ax, ax
  mov ds, ax
  mov dx, 0x3f8
  mov si, msg
.send:
  lodsb
  test al, al
  jz .done
  out dx, al
  jmp .send
.done:
  cli
  hlt
msg: db "Hello from COM1", 13, 10, 0
${FOOTER}`;
