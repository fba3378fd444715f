import { describe, expect, it } from 'vitest';
import { decode } from './decode.ts';
import { disassemble } from './disasm.ts';
import { formatInstruction } from './format.ts';
import type { Bits } from './types.ts';

const bytes = (hex: string) => Uint8Array.from(hex.replace(/\s+/g, '').match(/../g)!.map((h) => parseInt(h, 16)));
const text = (bits: Bits, hex: string) => {
  const ins = decode(bytes(hex), 0, { bits });
  return { text: ins.invalid ? '(bad)' : ins.unsupported ? '(unsupported)' : formatInstruction(ins, { bits }), length: ins.length };
};

describe('decode', () => {
  it('decodes general-purpose instructions in every mode', () => {
    expect(text(64, '4889e5')).toEqual({ text: 'mov rbp, rsp', length: 3 });
    expect(text(64, 'f3480fb8c1')).toEqual({ text: 'popcnt rax, rcx', length: 5 });
    expect(text(64, 'f0480fb10a')).toEqual({ text: 'lock cmpxchg [rdx], rcx', length: 5 });
    expect(text(64, '0f22d8')).toEqual({ text: 'mov cr3, rax', length: 3 });
    expect(text(64, 'f348a5')).toEqual({ text: 'rep movsq', length: 3 });
    expect(text(32, '0fa4c305')).toEqual({ text: 'shld ebx, eax, 0x5', length: 4 });
    expect(text(16, 'cd10')).toEqual({ text: 'int 0x10', length: 2 });
    expect(text(16, '8ed8')).toEqual({ text: 'mov ds, ax', length: 2 });
    expect(text(64, '0f01f8')).toEqual({ text: 'swapgs', length: 3 });
    expect(text(64, '4863c1')).toEqual({ text: 'movsxd rax, ecx', length: 3 });
  });

  it('measures what it does not model and refuses what is no instruction', () => {
    expect(text(64, '0f6fc1')).toEqual({ text: '(unsupported)', length: 3 });          // MMX movq mm0, mm1
    expect(text(64, '0f28c1')).toEqual({ text: 'movaps xmm0, xmm1', length: 3 });
    expect(text(64, '66480f6ec0')).toEqual({ text: 'movq xmm0, rax', length: 5 });
    expect(text(64, '66440fd7c1')).toEqual({ text: 'pmovmskb r8d, xmm1', length: 5 });
    expect(text(64, 'f2410f1044c510')).toEqual({ text: 'movsd xmm0, qword [r13+rax*8+0x10]', length: 7 });
    expect(text(64, 'c4e27900c1')).toEqual({ text: '(unsupported)', length: 5 });      // vpshufb
    expect(text(64, '62f17c4828c1')).toEqual({ text: '(unsupported)', length: 6 });    // EVEX vmovaps
    expect(text(64, '8fea7810c101020304')).toEqual({ text: '(unsupported)', length: 9 }); // XOP bextr
    expect(text(64, '0f0fc1b4')).toEqual({ text: '(unsupported)', length: 4 });        // 3DNow pfmul
    expect(text(32, 'd9c1')).toEqual({ text: '(unsupported)', length: 2 });            // fld st1
    expect(text(32, 'c400')).toEqual({ text: 'les eax, [eax]', length: 2 });           // not VEX in 32-bit mode
    expect(text(64, '06')).toEqual({ text: '(bad)', length: 1 });                      // push es in 64-bit mode
    expect(text(64, 'fed0')).toEqual({ text: '(bad)', length: 1 });                    // fe /2
    expect(text(64, 'f20fb8c1')).toEqual({ text: '(bad)', length: 3 });               // f2 0f b8
    expect(text(64, '486690')).toEqual({ text: '(bad)', length: 1 });                  // REX then 66: objdump splits
  });

  it('never runs past 15 bytes', () => {
    expect(text(64, '66'.repeat(11) + '8184240000000000000000').length).toBe(15);
    expect(text(64, 'f3'.repeat(16) + '90').length).toBe(14);
  });

  it('lists a binary one instruction a line', () => {
    expect(disassemble(bytes('b80000cd10ebfe'), { bits: 16, org: 0x7c00n })).toContain('jmp');
  });
});
