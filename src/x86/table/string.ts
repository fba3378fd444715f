// String instructions. Each takes rep (movs/lods/stos/ins/outs) or repe/repne (cmps/scas);
// the operand size comes from the mnemonic's suffix, the address size from the mode or 67.
import type { Row } from '../spec.ts';

const SUFFIX_SIZES = [['b', 0], ['w', 2], ['d', 4], ['q', 8]] as const;

function stringRows(name: string, byteOpcode: number, attrs: string): Row[] {
  return SUFFIX_SIZES.map(([suffix, osize]) => {
    const opcode = (suffix === 'b' ? byteOpcode : byteOpcode + 1).toString(16);
    const size = osize === 0 ? '' : ` o${osize * 8}`;
    return [name + suffix, '', opcode, attrs + size] as Row;
  });
}

export const STRING_ROWS: readonly Row[] = [
  ...stringRows('movs', 0xa4, 'rep r:d'),
  ...stringRows('cmps', 0xa6, 'repcc r:d w:oszapc'),
  ...stringRows('stos', 0xaa, 'rep r:d'),
  ...stringRows('lods', 0xac, 'rep r:d'),
  ...stringRows('scas', 0xae, 'repcc r:d w:oszapc'),
  ...stringRows('ins', 0x6c, 'rep r:d').filter(([m]) => m !== 'insq'),
  ...stringRows('outs', 0x6e, 'rep r:d').filter(([m]) => m !== 'outsq'),
];
