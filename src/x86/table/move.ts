// Data movement: mov in all its forms, zero/sign extension, lea, conditional moves and
// sets, the stack (push/pop, enter/leave, flags), the accumulator sign-extension family,
// far-pointer loads and xlat.
import type { Row } from '../spec.ts';
import { CONDITIONS, CONDITION_FLAGS } from './conditions.ts';

function conditionalRows(): Row[] {
  const rows: Row[] = [];
  CONDITIONS.forEach((names, cc) => {
    const h = (n: number) => (n + cc).toString(16);
    const r = `r:${CONDITION_FLAGS[cc]}`;
    names.forEach((name, alias) => {
      const dec = alias === 0 ? '' : ' enc';
      rows.push([`cmov${name}`, 'rv,rmv', `0f ${h(0x40)} /r`, r + dec]);
      rows.push([`set${name}`, 'rm8', `0f ${h(0x90)} /0`, r + dec]);
    });
  });
  return rows;
}

export const MOVE_ROWS: readonly Row[] = [
  ['mov', 'rm8,r8', '88 /r', ''],
  ['mov', 'rmv,rv', '89 /r', ''],
  ['mov', 'r8,rm8', '8a /r', ''],
  ['mov', 'rv,rmv', '8b /r', ''],
  ['mov', 'al,moffs8', 'a0', ''],
  ['mov', 'accv,moffsv', 'a1', ''],
  ['mov', 'moffs8,al', 'a2', ''],
  ['mov', 'moffsv,accv', 'a3', ''],
  ['mov', 'o8,i8', 'b0+r', ''],
  ['mov', 'ov,iv', 'b8+r', ''],
  ['mov', 'o64,u32', 'b8+r', 'o32 x64 enc'],
  ['mov', 'rm8,i8', 'c6 /0', ''],
  ['mov', 'rmv,iz', 'c7 /0', ''],
  // Segment-register moves take no 66/REX.W from NASM: the register size is only printed.
  ['mov', 'm16,sreg', '8c /r', ''],
  ['mov', 'Rv,sreg', '8c /r', 'sizes:2,4'],
  ['mov', 'R64,sreg', '8c /r', 'x64'],
  ['mov', 'sreg,m16', '8e /r', ''],
  ['mov', 'sreg,Rv', '8e /r', 'sizes:2,4 dec'],
  ['mov', 'sreg,R16', '8e /r', 'enc'],
  ['mov', 'sreg,R32', '8e /r', 'enc'],
  ['mov', 'sreg,R64', '8e /r', 'x64'],
  ['mov', 'R32,cr', '0f 20 /r', 'i64'],
  ['mov', 'R64,cr', '0f 20 /r', 'x64'],
  ['mov', 'cr,R32', '0f 22 /r', 'i64 u:oszapc'],
  ['mov', 'cr,R64', '0f 22 /r', 'x64 u:oszapc'],
  ['mov', 'R32,dr', '0f 21 /r', 'i64'],
  ['mov', 'R64,dr', '0f 21 /r', 'x64'],
  ['mov', 'dr,R32', '0f 23 /r', 'i64 u:oszapc'],
  ['mov', 'dr,R64', '0f 23 /r', 'x64 u:oszapc'],

  ['movzx', 'rv,rm8', '0f b6 /r', ''],
  ['movzx', 'ry,rm16', '0f b7 /r', ''],
  ['movzx', 'r16,rm16', '0f b7 /r', 'o16 dec'],      // NASM has no movzx r16,r/m16
  ['movsx', 'rv,rm8', '0f be /r', ''],
  ['movsx', 'ry,rm16', '0f bf /r', ''],
  ['movsx', 'r16,rm16', '0f bf /r', 'o16 dec'],
  ['movsxd', 'r64,rm32', '63 /r', 'o64'],
  // Without REX.W the sign extension is a plain 32-bit (or 16-bit) move; NASM has no such form.
  ['movsxd', 'rv,rm32', '63 /r', 'x64 sizes:2,4 dec'],
  ['arpl', 'rm16,r16', '63 /r', 'i64 w:z'],
  ['lea', 'rv,m', '8d /r', ''],

  ...conditionalRows(),

  ['push', 'ov', '50+r', 'd64'],
  ['pop', 'ov', '58+r', 'd64'],
  ['push', 'rmv', 'ff /6', 'd64'],
  ['pop', 'rmv', '8f /0', 'd64'],
  ['push', 's8', '6a', 'd64 sizes:2,4,8'],
  ['push', 'iz', '68', 'd64'],
  ['push', 'es', '06', 'i64'],
  ['pop', 'es', '07', 'i64'],
  ['push', 'cs', '0e', 'i64'],
  ['push', 'ss', '16', 'i64'],
  ['pop', 'ss', '17', 'i64'],
  ['push', 'ds', '1e', 'i64'],
  ['pop', 'ds', '1f', 'i64'],
  ['push', 'fs', '0f a0', ''],
  ['pop', 'fs', '0f a1', ''],
  ['push', 'gs', '0f a8', ''],
  ['pop', 'gs', '0f a9', ''],
  ['pusha', '', '60', 'i64'],
  ['pushaw', '', '60', 'i64 o16'],
  ['pushad', '', '60', 'i64 o32'],
  ['popa', '', '61', 'i64'],
  ['popaw', '', '61', 'i64 o16'],
  ['popad', '', '61', 'i64 o32'],
  ['pushf', '', '9c', 'r:oszapcdi'],
  ['pushfw', '', '9c', 'o16 r:oszapcdi'],
  ['pushfd', '', '9c', 'o32 i64 r:oszapcdi'],
  ['pushfq', '', '9c', 'o64 d64 r:oszapcdi'],
  ['popf', '', '9d', 'w:oszapcdi'],
  ['popfw', '', '9d', 'o16 w:oszapcdi'],
  ['popfd', '', '9d', 'o32 i64 w:oszapcdi'],
  ['popfq', '', '9d', 'o64 d64 w:oszapcdi'],
  // The frame pointer pushed and popped has the operand size (o16 leave).
  ['enter', 'i16,i8', 'c8', 'd64 sizes:2,4,8'],
  ['leave', '', 'c9', 'd64 sizes:2,4,8'],
  ['lahf', '', '9f', 'r:szapc'],
  ['sahf', '', '9e', 'w:szapc'],

  ['cbw', '', '98', 'o16'],
  ['cwde', '', '98', 'o32'],
  ['cdqe', '', '98', 'o64'],
  ['cwd', '', '99', 'o16'],
  ['cdq', '', '99', 'o32'],
  ['cqo', '', '99', 'o64'],

  ['les', 'rv,mfar', 'c4 /r', 'i64 sizes:2,4'],
  ['lds', 'rv,mfar', 'c5 /r', 'i64 sizes:2,4'],
  ['lss', 'rv,mfar', '0f b2 /r', ''],
  ['lfs', 'rv,mfar', '0f b4 /r', ''],
  ['lgs', 'rv,mfar', '0f b5 /r', ''],
  ['xlatb', '', 'd7', ''],
  ['xlat', '', 'd7', 'enc'],
];
