// A small kernel built with ObjectBuilder (machine code written out by hand, relocations by
// name): _start prints a string from a merged .rodata.str1.1 section in light cyan through a
// function in another section, then halts. Used by the writer's unit and oracle tests.
import { R_X86_64, STB_LOCAL, STT_OBJECT } from './elf/constants.ts';
import { ObjectBuilder } from './object-builder.ts';
import type { ObjectFile } from './object.ts';

export const KERNEL_MESSAGE = 'Hello from an ObjectBuilder object';

export function builtKernelObject(): ObjectFile {
  const start = [
    0x48, 0x8d, 0x35, 0, 0, 0, 0, // lea rsi, [rip+message]
    0xbf, 0x00, 0x80, 0x0b, 0x00, // mov edi, 0xb8000
    0xe8, 0, 0, 0, 0, // call print
    0xf4, // hlt
    0xeb, 0xfd, // jmp hlt
  ];
  const print = [
    0xac, // lodsb
    0x84, 0xc0, // test al, al
    0x74, 0x0c, // jz done
    0x88, 0x07, // mov [rdi], al
    0xc6, 0x47, 0x01, 0x0b, // mov byte [rdi+1], 0x0b
    0x48, 0x83, 0xc7, 0x02, // add rdi, 2
    0xeb, 0xef, // jmp print
    0xc3, // done: ret
  ];
  return new ObjectBuilder('built.o', 'built.rs')
    .section('.text._start', { data: new Uint8Array(start), align: 16 })
    .section('.text.print', { data: new Uint8Array(print), align: 16 })
    .section('.rodata.str1.1', { data: new TextEncoder().encode(KERNEL_MESSAGE + '\0'), entsize: 1 })
    .section('.data.pointer', { data: new Uint8Array(8), align: 8 })
    .section('.bss.scratch', { nobits: 4096, align: 4096 })
    .symbol('_start', { section: '.text._start', size: start.length })
    .symbol('print', { section: '.text.print', size: print.length })
    .symbol('message_pointer', { section: '.data.pointer', size: 8 })
    .symbol('scratch', { section: '.bss.scratch', size: 4096 })
    // Code reaches a merged string through a local symbol (as assemblers keep .LC0/.L.str for
    // merge sections); data through the section symbol plus the string's offset.
    .symbol('.Lmessage', { section: '.rodata.str1.1', binding: STB_LOCAL, type: STT_OBJECT })
    .relocation('.text._start', 3, R_X86_64.PC32, '.Lmessage', -4)
    .relocation('.text._start', 13, R_X86_64.PLT32, 'print', -4)
    .relocation('.data.pointer', 0, R_X86_64._64, '.rodata.str1.1', 0)
    .build();
}
