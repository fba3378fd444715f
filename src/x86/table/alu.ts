// Integer arithmetic and logic: the eight classic ALU operations, test, inc/dec/neg/not,
// multiply and divide, shifts and rotates, bit tests and scans, byte swap, exchanges.
import type { Row } from '../spec.ts';

const ALU_OPS = ['add', 'or', 'adc', 'sbb', 'and', 'sub', 'xor', 'cmp'] as const;

function aluRows(): Row[] {
  const rows: Row[] = [];
  ALU_OPS.forEach((op, i) => {
    const base = i * 8;
    const h = (n: number) => (base + n).toString(16).padStart(2, '0');
    const lock = op === 'cmp' ? '' : 'lock ';
    const flags = (op === 'adc' || op === 'sbb' ? 'r:c ' : '') +
      (op === 'and' || op === 'or' || op === 'xor' ? 'w:oszpc u:a' : 'w:oszapc');
    rows.push(
      [op, 'rm8,r8', `${h(0)} /r`, lock + flags],
      [op, 'rmv,rv', `${h(1)} /r`, lock + flags],
      [op, 'r8,rm8', `${h(2)} /r`, flags],
      [op, 'rv,rmv', `${h(3)} /r`, flags],
      [op, 'al,i8', `${h(4)}`, flags],
      [op, 'rmv,s8', `83 /${i}`, lock + flags],
      [op, 'accv,iz', `${h(5)}`, flags],
      [op, 'rm8,i8', `80 /${i}`, lock + flags],
      [op, 'rmv,iz', `81 /${i}`, lock + flags],
      [op, 'rm8,i8', `82 /${i}`, lock + flags + ' i64 dec'],
    );
  });
  return rows;
}

const SHIFTS = ['rol', 'ror', 'rcl', 'rcr', 'shl', 'shr', 'sal', 'sar'] as const;

function shiftRows(): Row[] {
  const rows: Row[] = [];
  SHIFTS.forEach((op, i) => {
    // sal is shl's other name; /6 is an undocumented alias that only the decoder meets.
    const digit = op === 'sal' ? 4 : i;
    const rot = op.startsWith('r');
    const flags = (op === 'rcl' || op === 'rcr' ? 'r:c ' : '') + (rot ? 'w:oc u:o' : 'w:oszpc u:oa');
    rows.push(
      [op, 'rm8,one', `d0 /${digit}`, flags],
      [op, 'rmv,one', `d1 /${digit}`, flags],
      [op, 'rm8,cl', `d2 /${digit}`, flags],
      [op, 'rmv,cl', `d3 /${digit}`, flags],
      [op, 'rm8,i8', `c0 /${digit}`, flags],
      [op, 'rmv,i8', `c1 /${digit}`, flags],
    );
  });
  // /6 is an undocumented alias of shl/sal (objdump and the processors call it shl).
  for (const [op, digit] of [['shl', 6]] as const) {
    rows.push(
      [op, 'rm8,one', `d0 /${digit}`, 'w:oszpc u:oa dec'],
      [op, 'rmv,one', `d1 /${digit}`, 'w:oszpc u:oa dec'],
      [op, 'rm8,cl', `d2 /${digit}`, 'w:oszpc u:oa dec'],
      [op, 'rmv,cl', `d3 /${digit}`, 'w:oszpc u:oa dec'],
      [op, 'rm8,i8', `c0 /${digit}`, 'w:oszpc u:oa dec'],
      [op, 'rmv,i8', `c1 /${digit}`, 'w:oszpc u:oa dec'],
    );
  }
  return rows;
}

export const ALU_ROWS: readonly Row[] = [
  ...aluRows(),

  ['test', 'rm8,r8', '84 /r', 'w:oszpc u:a'],
  ['test', 'rmv,rv', '85 /r', 'w:oszpc u:a'],
  ['test', 'r8,rm8', '84 /r', 'w:oszpc u:a enc'],
  ['test', 'rv,rmv', '85 /r', 'w:oszpc u:a enc'],
  ['test', 'al,i8', 'a8', 'w:oszpc u:a'],
  ['test', 'accv,iz', 'a9', 'w:oszpc u:a'],
  ['test', 'rm8,i8', 'f6 /0', 'w:oszpc u:a'],
  ['test', 'rmv,iz', 'f7 /0', 'w:oszpc u:a'],
  ['test', 'rm8,i8', 'f6 /1', 'w:oszpc u:a dec'],
  ['test', 'rmv,iz', 'f7 /1', 'w:oszpc u:a dec'],

  ['inc', 'ov', '40+r', 'i64 w:oszap'],
  ['dec', 'ov', '48+r', 'i64 w:oszap'],
  ['inc', 'rm8', 'fe /0', 'lock w:oszap'],
  ['inc', 'rmv', 'ff /0', 'lock w:oszap'],
  ['dec', 'rm8', 'fe /1', 'lock w:oszap'],
  ['dec', 'rmv', 'ff /1', 'lock w:oszap'],
  ['not', 'rm8', 'f6 /2', 'lock'],
  ['not', 'rmv', 'f7 /2', 'lock'],
  ['neg', 'rm8', 'f6 /3', 'lock w:oszapc'],
  ['neg', 'rmv', 'f7 /3', 'lock w:oszapc'],
  ['mul', 'rm8', 'f6 /4', 'w:oc u:szap'],
  ['mul', 'rmv', 'f7 /4', 'w:oc u:szap'],
  ['imul', 'rm8', 'f6 /5', 'w:oc u:szap'],
  ['imul', 'rmv', 'f7 /5', 'w:oc u:szap'],
  ['div', 'rm8', 'f6 /6', 'u:oszapc'],
  ['div', 'rmv', 'f7 /6', 'u:oszapc'],
  ['idiv', 'rm8', 'f6 /7', 'u:oszapc'],
  ['idiv', 'rmv', 'f7 /7', 'u:oszapc'],
  ['imul', 'rv,rmv', '0f af /r', 'w:oc u:szap'],
  ['imul', 'rv,rmv,s8', '6b /r', 'w:oc u:szap'],
  ['imul', 'rv,rmv,iz', '69 /r', 'w:oc u:szap'],

  ...shiftRows(),
  ['shld', 'rmv,rv,i8', '0f a4 /r', 'w:oszpc u:oa'],
  ['shld', 'rmv,rv,cl', '0f a5 /r', 'w:oszpc u:oa'],
  ['shrd', 'rmv,rv,i8', '0f ac /r', 'w:oszpc u:oa'],
  ['shrd', 'rmv,rv,cl', '0f ad /r', 'w:oszpc u:oa'],

  ['bt', 'rmv,rv', '0f a3 /r', 'w:c u:osap'],
  ['bts', 'rmv,rv', '0f ab /r', 'lock w:c u:osap'],
  ['btr', 'rmv,rv', '0f b3 /r', 'lock w:c u:osap'],
  ['btc', 'rmv,rv', '0f bb /r', 'lock w:c u:osap'],
  ['bt', 'rmv,i8', '0f ba /4', 'w:c u:osap'],
  ['bts', 'rmv,i8', '0f ba /5', 'lock w:c u:osap'],
  ['btr', 'rmv,i8', '0f ba /6', 'lock w:c u:osap'],
  ['btc', 'rmv,i8', '0f ba /7', 'lock w:c u:osap'],
  ['bsf', 'rv,rmv', '0f bc /r', 'w:z u:osapc'],
  ['bsr', 'rv,rmv', '0f bd /r', 'w:z u:osapc'],
  ['tzcnt', 'rv,rmv', '0f bc /r', 'pf3 w:zc u:osap'],
  ['lzcnt', 'rv,rmv', '0f bd /r', 'pf3 w:zc u:osap'],
  ['popcnt', 'rv,rmv', '0f b8 /r', 'pf3 w:oszapc'],
  ['bswap', 'oy', '0f c8+r', ''],

  ['xchg', 'accv,ov', '90+r', 'enc'],
  ['xchg', 'ov,accv', '90+r', ''],
  // Between two registers NASM puts the first in ModRM.reg; with memory, either order. (NASM
  // takes lock only on the forms with the memory operand first.)
  ['xchg', 'r8,R8', '86 /r', ''],
  ['xchg', 'rv,Rv', '87 /r', ''],
  ['xchg', 'm8,r8', '86 /r', 'lock'],
  ['xchg', 'mv,rv', '87 /r', 'lock'],
  ['xchg', 'r8,m8', '86 /r', 'enc'],
  ['xchg', 'rv,mv', '87 /r', 'enc'],
  ['xadd', 'rm8,r8', '0f c0 /r', 'lock w:oszapc'],
  ['xadd', 'rmv,rv', '0f c1 /r', 'lock w:oszapc'],
  ['cmpxchg', 'rm8,r8', '0f b0 /r', 'lock w:oszapc'],
  ['cmpxchg', 'rmv,rv', '0f b1 /r', 'lock w:oszapc'],
  ['cmpxchg8b', 'm64', '0f c7 /1', 'lock w:z'],
  ['cmpxchg16b', 'm128', '0f c7 /1', 'lock w:z o64'],

  // BCD arithmetic of the 8086, gone in 64-bit mode.
  ['daa', '', '27', 'i64 r:ac w:szapc u:o'],
  ['das', '', '2f', 'i64 r:ac w:szapc u:o'],
  ['aaa', '', '37', 'i64 r:a w:ac u:oszp'],
  ['aas', '', '3f', 'i64 r:a w:ac u:oszp'],
  ['aam', '', 'd4 0a', 'i64 w:szp u:oac enc'],
  ['aam', 'i8', 'd4', 'i64 w:szp u:oac'],
  ['aad', '', 'd5 0a', 'i64 w:szp u:oac enc'],
  ['aad', 'i8', 'd5', 'i64 w:szp u:oac'],
];
