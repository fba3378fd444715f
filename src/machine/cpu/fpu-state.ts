// The x87 and SSE register file, a field of the CPU state (so saveState/restoreState and
// reset cover it). Registers are held as JS doubles (exec/x87.ts says why) and the 16 XMM
// registers as 256 bytes.
export class FpuState {
  st = new Float64Array(8);
  /** Tag per physical register: 0 valid, 3 empty. */
  tag = new Uint8Array(8).fill(3);
  top = 0;
  cw = 0x037f;
  sw = 0;
  mxcsr = 0x1f80;
  xmm = new Uint8Array(256);

  /** The state after reset: an empty stack, FCW as after fninit, MXCSR 1F80h, XMM registers 0. */
  reset(): void {
    this.st.fill(0);
    this.tag.fill(3);
    this.top = 0;
    this.cw = 0x037f;
    this.sw = 0;
    this.mxcsr = 0x1f80;
    this.xmm.fill(0);
  }
}
