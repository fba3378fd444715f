// System and miscellaneous instructions: port I/O, flag control, processor identification
// and time stamps, model-specific registers, descriptor tables, control of caches and TLB,
// fast system calls, no-ops and traps.
import type { Row } from '../spec.ts';

export const SYSTEM_ROWS: readonly Row[] = [
  ['in', 'al,i8', 'e4', ''],
  ['in', 'accv,i8', 'e5', 'sizes:2,4'],
  ['in', 'al,dx', 'ec', ''],
  ['in', 'accv,dx', 'ed', 'sizes:2,4'],
  ['out', 'i8,al', 'e6', ''],
  ['out', 'i8,accv', 'e7', 'sizes:2,4'],
  ['out', 'dx,al', 'ee', ''],
  ['out', 'dx,accv', 'ef', 'sizes:2,4'],

  ['hlt', '', 'f4', ''],
  // Encode only: the decoder reads 9B before its table (a prefix of x87 instructions, or fwait alone).
  ['fwait', '', '9b', 'enc'],
  ['wait', '', '9b', 'enc'],
  ['cmc', '', 'f5', 'r:c w:c'],
  ['clc', '', 'f8', 'w:c'],
  ['stc', '', 'f9', 'w:c'],
  ['cli', '', 'fa', 'w:i'],
  ['sti', '', 'fb', 'w:i'],
  ['cld', '', 'fc', 'w:d'],
  ['std', '', 'fd', 'w:d'],
  ['salc', '', 'd6', 'i64 r:c enc'],    // undocumented; objdump calls d6 (bad), and so does the decoder

  ['nop', '', '90', ''],
  ['pause', '', '90', 'pf3'],
  ['nop', 'rmv', '0f 1f /0', 'sizes:2,4,8'],
  ['ud2', '', '0f 0b', ''],
  ['ud1', 'rv,rmv', '0f b9 /r', ''],
  ['ud0', 'rv,rmv', '0f ff /r', ''],

  ['cpuid', '', '0f a2', ''],
  ['xbegin', 'relz', 'c7 f8', 'sizes:2,4'],
  ['xabort', 'i8', 'c6 f8', ''],
  ['xend', '', '0f 01 d5', ''],
  ['xtest', '', '0f 01 d6', ''],
  ['endbr64', '', '0f 1e fa', 'pf3'],
  ['endbr32', '', '0f 1e fb', 'pf3'],
  ['rdtsc', '', '0f 31', ''],
  ['rdtscp', '', '0f 01 f9', ''],
  ['rdmsr', '', '0f 32', ''],
  ['wrmsr', '', '0f 30', ''],
  ['rdpmc', '', '0f 33', ''],
  ['xgetbv', '', '0f 01 d0', ''],
  ['xsetbv', '', '0f 01 d1', ''],
  ['monitor', '', '0f 01 c8', ''],
  ['mwait', '', '0f 01 c9', ''],
  ['clac', '', '0f 01 ca', ''],
  ['stac', '', '0f 01 cb', ''],
  ['swapgs', '', '0f 01 f8', 'x64'],
  ['syscall', '', '0f 05', 'w:oszapcdi'],       // RFLAGS &= ~IA32_FMASK (saved in r11)
  // The 64-bit returns are `o64 sysret` / `o64 sysexit` in NASM (REX.W).
  ['sysret', '', '0f 07', 'sizes:2,4,8 w:oszapcdi'],   // RFLAGS from r11 (64-bit), IF set (legacy)
  ['sysenter', '', '0f 34', 'w:i'],             // IF (and VM, RF) cleared
  ['sysexit', '', '0f 35', 'sizes:2,4,8'],
  ['clts', '', '0f 06', ''],
  ['invd', '', '0f 08', ''],
  ['wbinvd', '', '0f 09', ''],
  ['invlpg', 'm', '0f 01 /7', ''],

  ['sgdt', 'm', '0f 01 /0', ''],
  ['sidt', 'm', '0f 01 /1', ''],
  ['lgdt', 'm', '0f 01 /2', ''],
  ['lidt', 'm', '0f 01 /3', ''],
  ['smsw', 'm16', '0f 01 /4', ''],
  ['smsw', 'Rv', '0f 01 /4', ''],
  ['lmsw', 'rm16', '0f 01 /6', ''],
  ['sldt', 'm16', '0f 00 /0', ''],
  ['sldt', 'Rv', '0f 00 /0', 'sizes:2,4'],
  ['sldt', 'R64', '0f 00 /0', 'x64 enc'],   // NASM writes sldt r64 without REX.W (str, smsw have it)
  ['sldt', 'R64', '0f 00 /0', 'o64 dec'],
  ['str', 'm16', '0f 00 /1', ''],
  ['str', 'Rv', '0f 00 /1', ''],
  ['lldt', 'rm16', '0f 00 /2', ''],
  ['ltr', 'rm16', '0f 00 /3', ''],
  ['verr', 'rm16', '0f 00 /4', 'w:z'],
  ['verw', 'rm16', '0f 00 /5', 'w:z'],
  // With a register source the register has the operand size (lar eax, ebx).
  ['lar', 'rv,Rv', '0f 02 /r', 'w:z dec'],
  ['lsl', 'rv,Rv', '0f 03 /r', 'w:z dec'],
  ['lar', 'rv,rm16', '0f 02 /r', 'w:z'],
  ['lsl', 'rv,rm16', '0f 03 /r', 'w:z'],
  // NASM takes any general register as the selector (only its low 16 bits are read).
  ['lar', 'rv,R32', '0f 02 /r', 'enc w:z'],
  ['lar', 'rv,R64', '0f 02 /r', 'x64 enc w:z'],
  ['lsl', 'rv,R32', '0f 03 /r', 'enc w:z'],
  ['lsl', 'rv,R64', '0f 03 /r', 'x64 enc w:z'],
];
