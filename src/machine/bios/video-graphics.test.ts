import { describe, expect, it } from 'vitest';
import { BDA } from './bda.ts';
import { createTestPc } from './test-support.ts';

describe('int 10h in mode 13h', () => {
  it('sets the mode, clears the frame, writes and reads pixels, and returns to text', () => {
    const pc = createTestPc();
    pc.mem.write8(0xa0000 + 5, 9);
    pc.int(0x10, { eax: 0x0013 });
    expect([pc.mem.read8(BDA.videoMode), pc.mem.read16(BDA.videoColumns), pc.mem.read8(0xa0005)]).toEqual([0x13, 40, 0]);
    let r = pc.int(0x10, { eax: 0x0f00 });
    expect([r.getReg8('ah'), r.getReg8('al')]).toEqual([40, 0x13]);
    pc.int(0x10, { eax: 0x0c2a, ecx: 100, edx: 50 });
    expect(pc.mem.read8(0xa0000 + 50 * 320 + 100)).toBe(0x2a);
    r = pc.int(0x10, { eax: 0x0d00, ecx: 100, edx: 50 });
    expect(r.getReg8('al')).toBe(0x2a);
    pc.int(0x10, { eax: 0x0c07, ecx: 320, edx: 0 });                  // off the screen: ignored
    expect(pc.mem.read8(0xa0000 + 320)).toBe(0);
    pc.int(0x10, { eax: 0x0003 });
    expect(pc.mem.read8(BDA.videoMode)).toBe(3);
    expect(pc.mem.read16(0xb8000)).toBe(0x0720);
  });
});
