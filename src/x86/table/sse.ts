// SSE and SSE2: the moves, the integer operations compilers emit for ordinary code (memset,
// memcpy, string scans, vectorised integer loops) and the scalar/packed float basics.
//
// Operand kinds: `x` is an XMM register in ModRM.reg; `rmx128`/`rmx64`/`rmx32` an XMM
// register or memory of that size in ModRM.rm; `Rx` an XMM register in ModRM.rm (register
// only). The mandatory prefix (p66/pf3/pf2) is part of the opcode. A general register
// operand is 32 bits, or 64 with REX.W: the REX.W row (o64 x64) comes before the 32-bit row
// (osize 0, so that 66 and the mode do not change it), and the decoders pick it by REX.W.
// MMX forms (the same opcodes without a prefix) are not modelled.
import type { Row } from '../spec.ts';

/** One row per prefix of a `x, rmx128` operation: [name, prefix attribute] pairs. */
function ops128(opcode: string, ...variants: [string, string][]): Row[] {
  return variants.map(([name, p]) => [name, 'x,rmx128', `0f ${opcode} /r`, p]);
}

/** The scalar/packed float arithmetic family: ps, pd, ss, sd. */
function floatFamily(stem: string, opcode: string): Row[] {
  return [
    [`${stem}ps`, 'x,rmx128', `0f ${opcode} /r`, ''],
    [`${stem}pd`, 'x,rmx128', `0f ${opcode} /r`, 'p66'],
    [`${stem}ss`, 'x,rmx32', `0f ${opcode} /r`, 'pf3'],
    [`${stem}sd`, 'x,rmx64', `0f ${opcode} /r`, 'pf2'],
  ];
}

/** 66 0F xx /r integer operations on whole XMM registers. */
const INTEGER_OPS: readonly [string, number][] = [
  ['punpcklbw', 0x60], ['punpcklwd', 0x61], ['punpckldq', 0x62], ['packsswb', 0x63],
  ['pcmpgtb', 0x64], ['pcmpgtw', 0x65], ['pcmpgtd', 0x66], ['packuswb', 0x67],
  ['punpckhbw', 0x68], ['punpckhwd', 0x69], ['punpckhdq', 0x6a], ['packssdw', 0x6b],
  ['punpcklqdq', 0x6c], ['punpckhqdq', 0x6d],
  ['pcmpeqb', 0x74], ['pcmpeqw', 0x75], ['pcmpeqd', 0x76],
  ['psrlw', 0xd1], ['psrld', 0xd2], ['psrlq', 0xd3], ['paddq', 0xd4], ['pmullw', 0xd5],
  ['psubusb', 0xd8], ['psubusw', 0xd9], ['pminub', 0xda], ['pand', 0xdb],
  ['paddusb', 0xdc], ['paddusw', 0xdd], ['pmaxub', 0xde], ['pandn', 0xdf],
  ['pavgb', 0xe0], ['psraw', 0xe1], ['psrad', 0xe2], ['pavgw', 0xe3], ['pmulhuw', 0xe4], ['pmulhw', 0xe5],
  ['psubsb', 0xe8], ['psubsw', 0xe9], ['pminsw', 0xea], ['por', 0xeb],
  ['paddsb', 0xec], ['paddsw', 0xed], ['pmaxsw', 0xee], ['pxor', 0xef],
  ['psllw', 0xf1], ['pslld', 0xf2], ['psllq', 0xf3], ['pmuludq', 0xf4], ['pmaddwd', 0xf5], ['psadbw', 0xf6],
  ['psubb', 0xf8], ['psubw', 0xf9], ['psubd', 0xfa], ['psubq', 0xfb],
  ['paddb', 0xfc], ['paddw', 0xfd], ['paddd', 0xfe],
];

const hex = (n: number) => n.toString(16).padStart(2, '0');

export const SSE_ROWS: readonly Row[] = [
  // Whole-register and unaligned moves.
  ['movups', 'x,rmx128', '0f 10 /r', ''],
  ['movups', 'rmx128,x', '0f 11 /r', ''],
  ['movupd', 'x,rmx128', '0f 10 /r', 'p66'],
  ['movupd', 'rmx128,x', '0f 11 /r', 'p66'],
  ['movss', 'x,rmx32', '0f 10 /r', 'pf3'],
  ['movss', 'rmx32,x', '0f 11 /r', 'pf3'],
  ['movsd', 'x,rmx64', '0f 10 /r', 'pf2'],
  ['movsd', 'rmx64,x', '0f 11 /r', 'pf2'],
  ['movhlps', 'x,Rx', '0f 12 /r', ''],
  ['movlps', 'x,m64', '0f 12 /r', ''],
  ['movlps', 'm64,x', '0f 13 /r', ''],
  ['movlpd', 'x,m64', '0f 12 /r', 'p66'],
  ['movlpd', 'm64,x', '0f 13 /r', 'p66'],
  ...ops128('14', ['unpcklps', ''], ['unpcklpd', 'p66']),
  ...ops128('15', ['unpckhps', ''], ['unpckhpd', 'p66']),
  ['movlhps', 'x,Rx', '0f 16 /r', ''],
  ['movhps', 'x,m64', '0f 16 /r', ''],
  ['movhps', 'm64,x', '0f 17 /r', ''],
  ['movhpd', 'x,m64', '0f 16 /r', 'p66'],
  ['movhpd', 'm64,x', '0f 17 /r', 'p66'],
  ['movaps', 'x,rmx128', '0f 28 /r', ''],
  ['movaps', 'rmx128,x', '0f 29 /r', ''],
  ['movapd', 'x,rmx128', '0f 28 /r', 'p66'],
  ['movapd', 'rmx128,x', '0f 29 /r', 'p66'],
  ['movntps', 'm128,x', '0f 2b /r', ''],
  ['movntpd', 'm128,x', '0f 2b /r', 'p66'],
  ['movdqa', 'x,rmx128', '0f 6f /r', 'p66'],
  ['movdqa', 'rmx128,x', '0f 7f /r', 'p66'],
  ['movdqu', 'x,rmx128', '0f 6f /r', 'pf3'],
  ['movdqu', 'rmx128,x', '0f 7f /r', 'pf3'],
  ['movntdq', 'm128,x', '0f e7 /r', 'p66'],
  // movq: F3 0F 7E and 66 0F D6 come first, so that NASM's shorter choice for memory wins.
  ['movq', 'x,rmx64', '0f 7e /r', 'pf3'],
  ['movq', 'rmx64,x', '0f d6 /r', 'p66'],
  ['movq', 'x,rm64', '0f 6e /r', 'p66 o64 x64'],
  ['movd', 'x,rm32', '0f 6e /r', 'p66'],
  ['movq', 'rm64,x', '0f 7e /r', 'p66 o64 x64'],
  ['movd', 'rm32,x', '0f 7e /r', 'p66'],
  ['movmskps', 'r64,Rx', '0f 50 /r', 'o64 x64 dec'],
  ['movmskps', 'r32,Rx', '0f 50 /r', ''],
  ['movmskpd', 'r64,Rx', '0f 50 /r', 'p66 o64 x64 dec'],
  ['movmskpd', 'r32,Rx', '0f 50 /r', 'p66'],
  ['pmovmskb', 'r64,Rx', '0f d7 /r', 'p66 o64 x64 dec'],
  ['pmovmskb', 'r32,Rx', '0f d7 /r', 'p66'],

  // Integer operations.
  ...INTEGER_OPS.map(([name, op]): Row => [name, 'x,rmx128', `0f ${hex(op)} /r`, 'p66']),
  ['pshufd', 'x,rmx128,i8', '0f 70 /r', 'p66'],
  ['pshufhw', 'x,rmx128,i8', '0f 70 /r', 'pf3'],
  ['pshuflw', 'x,rmx128,i8', '0f 70 /r', 'pf2'],
  ['psrlw', 'Rx,i8', '0f 71 /2', 'p66'],
  ['psraw', 'Rx,i8', '0f 71 /4', 'p66'],
  ['psllw', 'Rx,i8', '0f 71 /6', 'p66'],
  ['psrld', 'Rx,i8', '0f 72 /2', 'p66'],
  ['psrad', 'Rx,i8', '0f 72 /4', 'p66'],
  ['pslld', 'Rx,i8', '0f 72 /6', 'p66'],
  ['psrlq', 'Rx,i8', '0f 73 /2', 'p66'],
  ['psrldq', 'Rx,i8', '0f 73 /3', 'p66'],
  ['psllq', 'Rx,i8', '0f 73 /6', 'p66'],
  ['pslldq', 'Rx,i8', '0f 73 /7', 'p66'],
  ['pinsrw', 'x,R32,i8', '0f c4 /r', 'p66'],
  ['pinsrw', 'x,m16,i8', '0f c4 /r', 'p66'],
  ['pextrw', 'r32,Rx,i8', '0f c5 /r', 'p66'],
  ['shufps', 'x,rmx128,i8', '0f c6 /r', ''],
  ['shufpd', 'x,rmx128,i8', '0f c6 /r', 'p66'],

  // Float arithmetic, logic and compares.
  ...floatFamily('sqrt', '51'),
  ...ops128('54', ['andps', ''], ['andpd', 'p66']),
  ...ops128('55', ['andnps', ''], ['andnpd', 'p66']),
  ...ops128('56', ['orps', ''], ['orpd', 'p66']),
  ...ops128('57', ['xorps', ''], ['xorpd', 'p66']),
  ...floatFamily('add', '58'),
  ...floatFamily('mul', '59'),
  ...floatFamily('sub', '5c'),
  ...floatFamily('min', '5d'),
  ...floatFamily('div', '5e'),
  ...floatFamily('max', '5f'),
  // Compares to a lane mask; the immediate's low 3 bits pick the predicate (objdump and NASM
  // also spell them cmpltps, cmpunordsd ...: objdump-normalize.ts and encode.ts map those).
  ['cmpps', 'x,rmx128,i8', '0f c2 /r', ''],
  ['cmppd', 'x,rmx128,i8', '0f c2 /r', 'p66'],
  ['cmpss', 'x,rmx32,i8', '0f c2 /r', 'pf3'],
  ['cmpsd', 'x,rmx64,i8', '0f c2 /r', 'pf2'],
  ['ucomiss', 'x,rmx32', '0f 2e /r', 'w:oszapc'],
  ['ucomisd', 'x,rmx64', '0f 2e /r', 'p66 w:oszapc'],
  ['comiss', 'x,rmx32', '0f 2f /r', 'w:oszapc'],
  ['comisd', 'x,rmx64', '0f 2f /r', 'p66 w:oszapc'],

  // Conversions.
  ['cvtsi2ss', 'x,rm64', '0f 2a /r', 'pf3 o64 x64'],
  ['cvtsi2ss', 'x,rm32', '0f 2a /r', 'pf3'],
  ['cvtsi2sd', 'x,rm64', '0f 2a /r', 'pf2 o64 x64'],
  ['cvtsi2sd', 'x,rm32', '0f 2a /r', 'pf2'],
  ['cvttss2si', 'r64,rmx32', '0f 2c /r', 'pf3 o64 x64'],
  ['cvttss2si', 'r32,rmx32', '0f 2c /r', 'pf3'],
  ['cvttsd2si', 'r64,rmx64', '0f 2c /r', 'pf2 o64 x64'],
  ['cvttsd2si', 'r32,rmx64', '0f 2c /r', 'pf2'],
  ['cvtss2si', 'r64,rmx32', '0f 2d /r', 'pf3 o64 x64'],
  ['cvtss2si', 'r32,rmx32', '0f 2d /r', 'pf3'],
  ['cvtsd2si', 'r64,rmx64', '0f 2d /r', 'pf2 o64 x64'],
  ['cvtsd2si', 'r32,rmx64', '0f 2d /r', 'pf2'],
  ['cvtps2pd', 'x,rmx64', '0f 5a /r', ''],
  ['cvtpd2ps', 'x,rmx128', '0f 5a /r', 'p66'],
  ['cvtss2sd', 'x,rmx32', '0f 5a /r', 'pf3'],
  ['cvtsd2ss', 'x,rmx64', '0f 5a /r', 'pf2'],
  ['cvtdq2ps', 'x,rmx128', '0f 5b /r', ''],
  ['cvtps2dq', 'x,rmx128', '0f 5b /r', 'p66'],
  ['cvttps2dq', 'x,rmx128', '0f 5b /r', 'pf3'],
  ['cvttpd2dq', 'x,rmx128', '0f e6 /r', 'p66'],
  ['cvtdq2pd', 'x,rmx64', '0f e6 /r', 'pf3'],
  ['cvtpd2dq', 'x,rmx128', '0f e6 /r', 'pf2'],
];
