// Runs one emulated PC in short slices of host time and reports what it shows and how it is
// doing. DOM-free (it runs in the emulator Worker, and in Node for tests): the caller decides
// how to wait between slices (`runSlice` says how long).
//
// Guest time may not run ahead of host time: each slice gets at most the host time elapsed
// since the previous one as its budget of guest time, so a guest that waits in `hlt` sees its
// timer tick at the real rate instead of racing, and the worker sleeps instead of spinning.
import { createMachine, type Machine } from '../../machine/machine.ts';
import { keyToScanCode, scanCodeBytes } from '../../machine/devices/scancodes.ts';
import { TEXT_CELLS, BLINK_HALF_PERIOD_MS, type TextFrame } from '../vga/frame.ts';

export type MachineState = 'off' | 'running' | 'waiting' | 'paused' | 'halted' | 'triple-fault' | 'debug-exit' | 'error';

export interface MachineStatus {
  state: MachineState;
  /** The booted image's name (a path in the project, or an uploaded file's name). */
  image: string | null;
  /** Millions of guest instructions per host second over the last half second. */
  mips: number;
  /** The triple fault's explanation, or the emulator's own error ('error'). */
  message?: string;
  /** The value written to the debug-exit port (QEMU's isa-debug-exit). */
  exitCode?: number;
}

export interface RunnerEvents {
  frame(frame: TextFrame): void;
  status(status: MachineStatus): void;
  /** Bytes the guest sent on COM1. */
  serial?(bytes: Uint8Array): void;
}

export interface RunnerOptions {
  /** Host time per slice of guest work (ms). */
  sliceMs?: number;
  now?: () => number;
}

/** Guest time a slice may catch up at most (ns), so a long pause does not become a burst. */
const MAX_CATCH_UP_NS = 50_000_000;
/** At most this often (ms) a changed screen is posted while the guest runs. */
const FRAME_INTERVAL_MS = 16;
const MIPS_WINDOW_MS = 500;

export class MachineRunner {
  private machine: Machine | null = null;
  private image: Uint8Array | null = null;
  private booted = false;
  private status: MachineStatus = { state: 'off', image: null, mips: 0 };
  private readonly sliceMs: number;
  private readonly now: () => number;
  private lastSliceAt = 0;
  private lastFrameAt = -Infinity;
  private mipsSince = 0;
  private mipsInstructions = 0;
  // The last frame sent, to post only what changed.
  private readonly scratch = new Uint16Array(TEXT_CELLS);
  private readonly sent = new Uint16Array(TEXT_CELLS);
  private sentFrame: Omit<TextFrame, 'cells'> | null = null;
  private forceCells = true;
  private blinkOn = true;

  constructor(private readonly events: RunnerEvents, opts: RunnerOptions = {}) {
    this.sliceMs = opts.sliceMs ?? 8;
    this.now = opts.now ?? (() => performance.now());
  }

  get state(): MachineState {
    return this.status.state;
  }

  /** Powers on a new PC with this disk image (the old one, if any, is switched off). */
  boot(image: Uint8Array | null, name: string): void {
    this.image = image;
    this.booted = true;
    this.machine = createMachine(image ? { diskImage: image } : {});
    this.machine.onSerial = () => {
      this.serialPending = true;
    };
    this.status = { state: 'running', image: name, mips: 0 };
    this.startClocks();
    this.forceCells = true;
    this.events.status({ ...this.status });
    this.postFrame(true);
  }

  /** The reset button: the same image from power-on. */
  reset(): void {
    if (!this.booted) return;
    this.boot(this.image, this.status.image ?? 'no disk');
  }

  pause(): void {
    if (this.status.state !== 'running' && this.status.state !== 'waiting') return;
    this.setState('paused');
  }

  resume(): void {
    if (this.status.state !== 'paused') return;
    this.startClocks();
    this.setState('running');
  }

  powerOff(): void {
    this.machine = null;
    this.image = null;
    this.booted = false;
    this.status = { state: 'off', image: null, mips: 0 };
    this.events.status({ ...this.status });
  }

  /**
   * A key pressed or released on the screen. A character (`key` 'a', 'H', '!') is typed as that
   * character on the PC's US keyboard, whatever the learner's layout: with a Shift press around
   * it when it needs Shift and none is held (input methods and test drivers send 'H' alone).
   * Other keys go by their physical `code` ('ShiftLeft', 'ArrowUp'), then by `key`.
   */
  key(code: string, key: string, release: boolean): boolean {
    const m = this.machine;
    if (!m) return false;
    if (code === 'ShiftLeft' || code === 'ShiftRight' || key === 'Shift') this.shiftHeld = !release;
    const ch = key.length === 1 ? keyToScanCode(key) : null;
    if (ch) {
      const wrap = ch.shifted && !this.shiftHeld;
      const bytes = scanCodeBytes(ch.code, false, release);
      const shift = scanCodeBytes(0x2a, false, release);
      m.devices.keyboard.sendScanCodes(!wrap ? bytes : release ? [...bytes, ...shift] : [...shift, ...bytes]);
      return true;
    }
    return m.keyEvent(code, release) || m.keyEvent(key, release);
  }
  private shiftHeld = false;
  private serialPending = false;

  /** Hands what the guest sent on COM1 since the last call to the `serial` listener. */
  private flushSerial(): void {
    if (!this.serialPending || !this.machine) return;
    this.serialPending = false;
    const bytes = this.machine.takeSerial();
    if (bytes.length) this.events.serial?.(bytes);
  }

  /** True while slices should keep coming. */
  get active(): boolean {
    return this.status.state === 'running' || this.status.state === 'waiting';
  }

  /**
   * Runs one slice. Returns how long to wait (ms) before the next one: 0 to go on at once
   * (after yielding to the event loop), more when the guest is waiting for its timer, null
   * when the machine stopped.
   */
  runSlice(): number | null {
    const m = this.machine;
    if (!m || !this.active) return null;
    const cpu = m.cpu;
    const start = this.now();
    const budget = Math.min(MAX_CATCH_UP_NS, Math.max(1_000_000, (start - this.lastSliceAt) * 1e6));
    this.lastSliceAt = start;
    const icountBefore = cpu.icount;
    const skippedBefore = cpu.skippedNs;
    let stop;
    try {
      stop = m.run({ maxInstructions: budget, maxMs: this.sliceMs });
    } catch (e) {
      // A bug in the emulator, not the guest's doing: stop and say so rather than hang silently.
      this.postFrame(false);
      this.status.message = `the emulator stopped on an internal error: ${e instanceof Error ? e.message : String(e)}`;
      this.setState('error');
      return null;
    }
    this.flushSerial();
    const end = this.now();
    const ran = cpu.icount - icountBefore;
    const skipped = cpu.skippedNs - skippedBefore;
    this.mipsInstructions += ran;
    if (end - this.mipsSince >= MIPS_WINDOW_MS) {
      this.status.mips = this.mipsInstructions / ((end - this.mipsSince) * 1000);
      this.mipsSince = end;
      this.mipsInstructions = 0;
      this.events.status({ ...this.status });
    }
    switch (stop.kind) {
      case 'slice': {
        // Mostly asleep in hlt: the guest waits for an interrupt.
        const waiting = skipped > ran;
        if (waiting !== (this.status.state === 'waiting')) this.setState(waiting ? 'waiting' : 'running');
        if (end - this.lastFrameAt >= FRAME_INTERVAL_MS) this.postFrame(false);
        // The guest used its budget of guest time before its slice of host time: it is ahead
        // of the clock, so sleep until the host catches up.
        return end - start < this.sliceMs / 2 ? Math.max(1, this.sliceMs - (end - start)) : 0;
      }
      case 'reset':
        // The guest asked the keyboard controller or port 0xCF9 for a reset: reboot, as a PC does.
        this.reset();
        return 0;
      case 'hlt':
        this.postFrame(false);
        this.setState('halted');
        return null;
      case 'triple-fault':
        this.postFrame(false);
        this.status.message = stop.message;
        this.setState('triple-fault');
        return null;
      case 'debug-exit':
        this.postFrame(false);
        this.status.exitCode = stop.code;
        this.setState('debug-exit');
        return null;
    }
  }

  /** Flips the blink phase (call every BLINK_HALF_PERIOD_MS) and posts it when it shows. */
  blink(): void {
    this.blinkOn = !this.blinkOn;
    if (this.machine) this.postFrame(false);
  }

  static readonly blinkHalfPeriodMs = BLINK_HALF_PERIOD_MS;

  /** The whole screen and cursor again (a page that lost its canvas asks for it). */
  repaint(): void {
    this.forceCells = true;
    if (this.machine) this.postFrame(true);
  }

  /** The screen as text (what `bootlab run` prints). */
  screenText(): string {
    return this.machine?.screenText() ?? '';
  }

  private startClocks(): void {
    const t = this.now();
    this.lastSliceAt = t;
    this.mipsSince = t;
    this.mipsInstructions = 0;
  }

  private setState(state: MachineState): void {
    this.status.state = state;
    if (state !== 'triple-fault' && state !== 'error') delete this.status.message;
    if (state !== 'debug-exit') delete this.status.exitCode;
    if (state !== 'running' && state !== 'waiting') this.status.mips = 0;
    this.events.status({ ...this.status });
  }

  private postFrame(force: boolean): void {
    const m = this.machine;
    if (!m) return;
    this.lastFrameAt = this.now();
    const info = m.devices.vga.snapshot(this.scratch);
    const c = info.cursor;
    let changed = this.forceCells;
    if (!changed) {
      for (let i = 0; i < TEXT_CELLS; i++) {
        if (this.scratch[i] !== this.sent[i]) {
          changed = true;
          break;
        }
      }
    }
    const s = this.sentFrame;
    const same = !changed && !force && s !== null && s.cursorRow === c.row && s.cursorColumn === c.column &&
      s.cursorVisible === c.visible && s.cursorStart === c.startLine && s.cursorEnd === c.endLine &&
      s.blinkEnabled === info.blinkEnabled && s.blinkOn === this.blinkOn;
    if (same) return;
    let cells: Uint16Array | null = null;
    if (changed) {
      this.sent.set(this.scratch);
      cells = this.scratch.slice();
      this.forceCells = false;
    }
    this.sentFrame = {
      cursorRow: c.row, cursorColumn: c.column, cursorVisible: c.visible,
      cursorStart: c.startLine, cursorEnd: c.endLine, blinkEnabled: info.blinkEnabled, blinkOn: this.blinkOn,
    };
    this.events.frame({ cells, ...this.sentFrame });
  }
}
