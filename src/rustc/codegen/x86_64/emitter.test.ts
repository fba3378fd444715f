// Branch relaxation and relocation offsets in the emitter, checked by decoding the bytes.
import { describe, expect, it } from 'vitest';
import { decode } from '../../../x86/decode.ts';
import { Emitter, imm, reg } from './emitter.ts';

describe('Emitter', () => {
  it('uses rel8 branches in reach and rel32 beyond, with the right targets', () => {
    const e = new Emitter();
    e.label('top');
    e.jump('jz', 'skip');     // within reach: short
    e.ins('add', reg('rax'), imm(1));
    e.label('skip');
    e.jump('jmp', 'far');     // 400 bytes away: near
    for (let i = 0; i < 100; i++) e.ins('add', reg('rax'), imm(1)); // 4 bytes each
    e.label('far');
    e.jump('jmp', 'top');     // backwards over 400 bytes: near
    const { code } = e.finish();
    const at = (offset: number) => decode(code, offset, { bits: 64, address: BigInt(offset) });
    expect(at(0)).toMatchObject({ length: 2, mnemonic: 'je', operands: [{ kind: 'rel', target: 6n }] });
    expect(at(6)).toMatchObject({ length: 5, mnemonic: 'jmp', operands: [{ kind: 'rel', target: 411n }] });
    expect(at(411)).toMatchObject({ length: 5, mnemonic: 'jmp', operands: [{ kind: 'rel', target: 0n }] });
    expect(code.length).toBe(416);
  });

  it('records PLT32/PC32 fields at the last four bytes of call and lea', () => {
    const e = new Emitter();
    e.ins('xor', reg('eax'), reg('eax'));
    e.callSymbol('callee');
    e.leaSymbol('r12', 'DATA');
    const { code, relocations } = e.finish();
    expect(relocations).toEqual([
      { offset: 3, kind: 'plt32', symbol: 'callee', addend: -4 },
      { offset: 10, kind: 'pc32', symbol: 'DATA', addend: -4 },
    ]);
    expect(code.length).toBe(14);
  });
});
