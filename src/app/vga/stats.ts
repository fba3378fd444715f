// Running figures of the screen's drawing cost, read by `npm run bench:web` through
// `globalThis.__bootlabVgaStats` (counters only: updating them allocates nothing).
export interface VgaStats {
  /** Frames drawn (each: renderer, canvas update, text mirror). */
  frames: number;
  /** Of which every cell changed. */
  fullFrames: number;
  totalMs: number;
  maxMs: number;
  /** Total time of the frames in which every cell changed. */
  fullMs: number;
}

export const vgaStats: VgaStats = { frames: 0, fullFrames: 0, totalMs: 0, maxMs: 0, fullMs: 0 };
(globalThis as { __bootlabVgaStats?: VgaStats }).__bootlabVgaStats = vgaStats;
