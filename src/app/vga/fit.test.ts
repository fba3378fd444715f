import { describe, expect, it } from 'vitest';
import { fitScreen } from './fit.ts';

describe('fitScreen', () => {
  it('uses a whole scale at 1× and above, limited by the tighter side', () => {
    expect(fitScreen(720, 400)).toEqual({ width: 720, height: 400, crisp: true });
    expect(fitScreen(1439, 900)).toEqual({ width: 720, height: 400, crisp: true });
    expect(fitScreen(1500, 820)).toEqual({ width: 1440, height: 800, crisp: true });
    expect(fitScreen(3000, 1250)).toEqual({ width: 2160, height: 1200, crisp: true });
  });

  it('fills the room below 1× and keeps 720:400', () => {
    const fit = fitScreen(400, 300);
    expect(fit.width).toBe(400);
    expect(fit.height).toBe(222);
    expect(fit.crisp).toBe(false);
    // limited by the height
    expect(fitScreen(700, 200)).toEqual({ width: 360, height: 200, crisp: false });
  });

  it('keeps nearest-neighbour below 1× when the device pixels still cover every source pixel', () => {
    expect(fitScreen(400, 300, 2).crisp).toBe(true);
    expect(fitScreen(300, 300, 2).crisp).toBe(false);
  });

  it('takes the width alone when the pane grows with the screen', () => {
    expect(fitScreen(374, Infinity)).toEqual({ width: 374, height: 207, crisp: false });
    expect(fitScreen(800, Infinity).width).toBe(720);
  });

  it('gives nothing for no room', () => {
    expect(fitScreen(0, 100).width).toBe(0);
  });
});
