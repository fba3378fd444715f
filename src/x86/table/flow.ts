// Control transfer: jumps (short, near, far), conditional jumps, calls, returns, loops,
// software interrupts and interrupt returns.
import type { Row } from '../spec.ts';
import { CONDITIONS, CONDITION_FLAGS } from './conditions.ts';

function jccRows(): Row[] {
  const rows: Row[] = [];
  CONDITIONS.forEach((names, cc) => {
    names.forEach((name, alias) => {
      const a = `r:${CONDITION_FLAGS[cc]}` + (alias === 0 ? '' : ' enc');
      rows.push([`j${name}`, 'rel8', (0x70 + cc).toString(16), a]);
      rows.push([`j${name}`, 'relz', `0f ${(0x80 + cc).toString(16)}`, a + ' f64']);
    });
  });
  return rows;
}

export const FLOW_ROWS: readonly Row[] = [
  ['jmp', 'rel8', 'eb', ''],
  ['jmp', 'relz', 'e9', 'f64'],
  ['jmp', 'rmv', 'ff /4', 'f64'],
  ['jmp', 'ptrz', 'ea', 'i64 sizes:2,4'],
  ['jmp', 'mfar', 'ff /5', ''],       // with the `far` keyword
  ['call', 'relz', 'e8', 'f64'],
  ['call', 'rmv', 'ff /2', 'f64'],
  ['call', 'ptrz', '9a', 'i64 sizes:2,4'],
  ['call', 'mfar', 'ff /3', ''],      // with the `far` keyword
  ...jccRows(),
  ['jcxz', 'rel8', 'e3', 'a16 i64'],
  ['jecxz', 'rel8', 'e3', 'a32'],
  ['jrcxz', 'rel8', 'e3', 'a64 x64'],
  ['loop', 'rel8', 'e2', ''],
  ['loope', 'rel8', 'e1', 'r:z'],
  ['loopz', 'rel8', 'e1', 'r:z enc'],
  ['loopne', 'rel8', 'e0', 'r:z'],
  ['loopnz', 'rel8', 'e0', 'r:z enc'],

  // What a return pops follows the operand size (o16 ret, o32 retf), which no operand shows.
  ['ret', '', 'c3', 'f64 sizes:2,4,8'],
  ['ret', 'i16', 'c2', 'f64 sizes:2,4,8'],
  ['retn', '', 'c3', 'f64 enc sizes:2,4,8'],
  ['retn', 'i16', 'c2', 'f64 enc sizes:2,4,8'],
  ['retf', '', 'cb', 'sizes:2,4,8'],
  ['retf', 'i16', 'ca', 'sizes:2,4,8'],
  ['retfq', '', 'cb', 'o64 enc'],          // = o64 retf
  ['retfq', 'i16', 'ca', 'o64 enc'],

  ['int3', '', 'cc', ''],
  ['int', 'i8', 'cd', ''],
  ['into', '', 'ce', 'i64 r:o'],
  ['int1', '', 'f1', ''],
  ['icebp', '', 'f1', 'enc'],
  ['iret', '', 'cf', 'w:oszapcdi'],
  ['iretw', '', 'cf', 'o16 w:oszapcdi'],
  ['iretd', '', 'cf', 'o32 w:oszapcdi'],
  ['iretq', '', 'cf', 'o64 w:oszapcdi'],
  ['bound', 'rv,m', '62 /r', 'i64 sizes:2,4'],
];
