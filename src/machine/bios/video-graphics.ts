// int 10h in VGA mode 13h (320x200, 256 colours, one byte per pixel at A000:0000), the graphics
// mode boot-sector demos use: the mode set (BDA fields as SeaBIOS fills them, the 64,000 bytes of
// the frame cleared unless AL bit 7 asks not to) and the pixel services AH=0Ch and AH=0Dh (in
// this 256-colour mode AL is the colour as it is, no XOR bit, as in SeaBIOS). The pixels live in guest RAM, as the text cells do; nothing renders them here.
import type { IoBus, PhysicalMemory } from '../types.ts';
import { BDA } from './bda.ts';

export const MODE_13H = 0x13;
const FRAME = 0xa0000, WIDTH = 320, HEIGHT = 200;

export function setMode13(mem: PhysicalMemory, io: IoBus, clear: boolean): void {
  mem.write8(BDA.videoMode, MODE_13H);
  mem.write16(BDA.videoColumns, WIDTH / 8);
  mem.write16(BDA.videoPageSize, WIDTH * HEIGHT);
  mem.write16(BDA.videoPageStart, 0);
  for (let p = 0; p < 8; p++) mem.write16(BDA.cursorPositions + p * 2, 0);
  mem.write8(BDA.activePage, 0);
  mem.write8(BDA.videoRows, HEIGHT / 8 - 1);
  mem.write16(BDA.charHeight, 8);
  if (clear) for (let a = FRAME; a < FRAME + WIDTH * HEIGHT; a++) mem.write8(a, 0);
  void io;
}

/** AH=0Ch: pixel (x, y) = colour. */
export function writePixel(mem: PhysicalMemory, x: number, y: number, colour: number): void {
  if (x >= WIDTH || y >= HEIGHT) return;
  mem.write8(FRAME + y * WIDTH + x, colour);
}

/** AH=0Dh: the colour of pixel (x, y). */
export function readPixel(mem: PhysicalMemory, x: number, y: number): number {
  if (x >= WIDTH || y >= HEIGHT) return 0;
  return mem.read8(FRAME + y * WIDTH + x);
}
