// The 8254 programmable interval timer on ports 0x40–0x43, plus port 0x61 (system control
// port B: channel 2's gate and the speaker, channel 2's output and the refresh toggle that
// BIOS-era delay loops poll).
//
// Nothing here runs by itself. A channel remembers when (in guest nanoseconds) it started
// counting; its count and output at any later guest time are computed from the elapsed input
// clock ticks (1.193182 MHz). Channel 0 drives IRQ 0: the machine asks `nextEventNs()` when the
// next rising edge of its output falls due and calls `advanceTo(now)` to deliver it. Port reads
// use the clock the machine shares with devices, so polling loops see time pass as the guest
// executes instructions. No host timer is involved, so runs are deterministic.
//
// Supported: modes 0–5 (1 and 5 need a gate edge, which only channel 2 has), lobyte/hibyte/
// word access, counter latch, read-back (count and status), BCD counting.

import type { GuestClock, InterruptLines, PortHandler, TimedDevice } from '../types.ts';
import type { PortIoBus } from '../io.ts';

export const PIT_HZ = 1_193_182;
const NS_PER_TICK = 1e9 / PIT_HZ;
/** Port 0x61 bit 4 toggles every DRAM refresh cycle (about 15 µs). */
const REFRESH_PERIOD_NS = 15_085;

function fromBcd(v: number): number {
  return ((v >> 12) & 0xf) * 1000 + ((v >> 8) & 0xf) * 100 + ((v >> 4) & 0xf) * 10 + (v & 0xf);
}
function toBcd(v: number): number {
  return ((Math.floor(v / 1000) % 10) << 12) | ((Math.floor(v / 100) % 10) << 8) | ((Math.floor(v / 10) % 10) << 4) | (v % 10);
}

class PitChannel {
  mode = 3;
  /** 1 = low byte, 2 = high byte, 3 = low then high. */
  access = 3;
  bcd = false;
  /** Reload value as written (0 means the maximum, 65536 or 10000 in BCD). */
  reload = 0;
  /** Guest time at which counting (re)started from `reload`; NaN when no count was written yet. */
  startNs = Number.NaN;
  gate: boolean;
  /** Ticks already counted when the gate froze the counter (modes 0 and 4). */
  frozenTicks = 0;
  /** Guest time of the next rising edge of OUT that raises an IRQ (channel 0), or Infinity. */
  nextEdgeNs = Infinity;
  /** Rising edges delivered since `startNs` (periodic modes). */
  edges = 0;

  // Byte sequencing for reads and writes in access mode 3.
  writeHigh = false;
  pendingLow = 0;
  readHigh = false;
  latched: number[] = [];
  statusLatched = -1;
  nullCount = true;

  constructor(gate: boolean) {
    this.gate = gate;
  }

  period(): number {
    if (this.reload === 0) return this.bcd ? 10000 : 65536;
    return this.bcd ? fromBcd(this.reload) || 10000 : this.reload;
  }

  /** Input clock ticks counted since the count was loaded. */
  ticks(nowNs: number): number {
    if (Number.isNaN(this.startNs)) return 0;
    if (!this.gate && (this.mode === 0 || this.mode === 4 || this.mode === 2 || this.mode === 3)) return this.frozenTicks;
    return Math.max(0, Math.floor((nowNs - this.startNs) / NS_PER_TICK));
  }

  /** The counting element's value at `nowNs`. */
  count(nowNs: number): number {
    if (Number.isNaN(this.startNs)) return this.reload;
    const n = this.period();
    const t = this.ticks(nowNs);
    let value: number;
    switch (this.mode) {
      case 2: value = n - (t % n); break;
      case 3: value = (n - ((2 * t) % n)) & 0xfffe; break; // counts down by two, twice per period
      default: value = (n - t) & 0xffff; break; // 0, 1, 4, 5: one pass, then wraps
    }
    if (this.bcd) return toBcd(value % 10000);
    return value & 0xffff;
  }

  /** The OUT pin at `nowNs`. */
  out(nowNs: number): boolean {
    if (Number.isNaN(this.startNs)) return this.mode !== 0; // mode 0 output is low after the control word
    const n = this.period();
    const t = this.ticks(nowNs);
    switch (this.mode) {
      case 0: return t >= n;
      case 1: return t >= n;
      case 2: return t % n !== n - 1;
      case 3: return t % n < (n + 1) >> 1;
      default: return t !== n; // 4, 5: one low pulse at terminal count
    }
  }

  /** Recomputes when OUT next rises (the IRQ edge) strictly after `nowNs`. */
  scheduleAfter(nowNs: number): void {
    if (Number.isNaN(this.startNs) || (!this.gate && this.mode !== 1 && this.mode !== 5)) {
      this.nextEdgeNs = Infinity;
      return;
    }
    const n = this.period();
    if (this.mode === 2 || this.mode === 3) {
      // Rising edges at n, 2n, 3n ... ticks after the load.
      const periodNs = n * NS_PER_TICK;
      let k = Math.max(1, Math.floor((nowNs - this.startNs) / periodNs) + 1);
      while (this.startNs + k * periodNs <= nowNs) k++;
      this.edges = k - 1;
      this.nextEdgeNs = this.startNs + k * periodNs;
    } else {
      // One-shot modes rise once, at terminal count (4/5 after their low pulse).
      const edgeTick = this.mode === 4 || this.mode === 5 ? n + 1 : n;
      const at = this.startNs + edgeTick * NS_PER_TICK;
      this.nextEdgeNs = at > nowNs ? at : Infinity;
    }
  }
}

export interface PitOptions {
  clock: GuestClock;
  irq: InterruptLines;
}

export class Pit implements TimedDevice {
  readonly channels = [new PitChannel(true), new PitChannel(true), new PitChannel(false)];
  private speakerData = false;
  private readonly clock: GuestClock;
  private readonly irq: InterruptLines;

  constructor(options: PitOptions) {
    this.clock = options.clock;
    this.irq = options.irq;
    // What the BIOS programs: channel 0 with reload 0 (65536 → 18.2 Hz) in mode 2, the rate
    // generator SeaBIOS uses (read-back in QEMU shows mode 2; the classic IBM BIOS used mode 3,
    // which ticks at the same rate), channel 1 (DRAM refresh) mode 2 with 18, channel 2 idle in
    // mode 3 until someone uses it.
    this.program(0, 0x34, 0);
    this.program(1, 0x74, 18);
    this.channels[2]!.mode = 3;
  }

  private program(index: number, control: number, reload: number): void {
    const port = 0x40 + index;
    this.writeControl(control);
    this.writeCounter(port, reload & 0xff);
    this.writeCounter(port, reload >> 8);
  }

  nextEventNs(): number {
    return this.channels[0]!.nextEdgeNs;
  }

  advanceTo(nowNs: number): void {
    const ch = this.channels[0]!;
    if (nowNs >= ch.nextEdgeNs) {
      // Many elapsed periods still make one request: the PIC latches a single edge.
      this.irq.pulseIrq(0);
      ch.scheduleAfter(nowNs);
    }
  }

  private writeControl(value: number): void {
    const select = value >> 6;
    const now = this.clock.nowNs;
    if (select === 3) {
      // Read-back: bit 5 clear = latch count, bit 4 clear = latch status, bits 1–3 pick channels.
      for (let i = 0; i < 3; i++) {
        if ((value & (2 << i)) === 0) continue;
        const ch = this.channels[i]!;
        if ((value & 0x10) === 0 && ch.statusLatched < 0) {
          ch.statusLatched = (ch.out(now) ? 0x80 : 0) | (ch.nullCount ? 0x40 : 0) | (ch.access << 4) | (ch.mode << 1) | (ch.bcd ? 1 : 0);
        }
        if ((value & 0x20) === 0 && ch.latched.length === 0) this.latch(ch, now);
      }
      return;
    }
    const ch = this.channels[select]!;
    const access = (value >> 4) & 3;
    if (access === 0) {
      if (ch.latched.length === 0) this.latch(ch, now);
      return;
    }
    ch.access = access;
    let mode = (value >> 1) & 7;
    if (mode > 5) mode -= 4; // 6 and 7 are aliases of 2 and 3
    ch.mode = mode;
    ch.bcd = (value & 1) !== 0;
    ch.writeHigh = false;
    ch.readHigh = false;
    ch.latched = [];
    ch.statusLatched = -1;
    ch.nullCount = true;
    // A control word stops the channel until a new count arrives.
    ch.startNs = Number.NaN;
    ch.nextEdgeNs = Infinity;
  }

  private latch(ch: PitChannel, now: number): void {
    const v = ch.count(now);
    if (ch.access === 1) ch.latched = [v & 0xff];
    else if (ch.access === 2) ch.latched = [v >> 8];
    else ch.latched = [v & 0xff, v >> 8];
  }

  private writeCounter(port: number, value: number): void {
    const ch = this.channels[port - 0x40]!;
    let reload: number;
    if (ch.access === 1) reload = value;
    else if (ch.access === 2) reload = value << 8;
    else if (!ch.writeHigh) {
      ch.pendingLow = value;
      ch.writeHigh = true;
      return;
    } else {
      ch.writeHigh = false;
      reload = ch.pendingLow | (value << 8);
    }
    ch.reload = reload;
    ch.nullCount = false;
    // Modes 1 and 5 wait for a gate edge; the others start counting now.
    const now = this.clock.nowNs;
    if (ch.mode === 1 || ch.mode === 5) {
      if (Number.isNaN(ch.startNs)) return;
    }
    ch.startNs = now;
    ch.frozenTicks = 0;
    ch.scheduleAfter(now);
  }

  private readCounter(port: number): number {
    const ch = this.channels[port - 0x40]!;
    if (ch.statusLatched >= 0) {
      const s = ch.statusLatched;
      ch.statusLatched = -1;
      return s;
    }
    if (ch.latched.length > 0) return ch.latched.shift()!;
    const v = ch.count(this.clock.nowNs);
    if (ch.access === 1) return v & 0xff;
    if (ch.access === 2) return v >> 8;
    ch.readHigh = !ch.readHigh;
    return ch.readHigh ? v & 0xff : v >> 8;
  }

  private setGate2(high: boolean): void {
    const ch = this.channels[2]!;
    if (high === ch.gate) return;
    const now = this.clock.nowNs;
    if (!high) {
      ch.frozenTicks = ch.ticks(now);
      ch.gate = false;
      return;
    }
    ch.gate = true;
    if (Number.isNaN(ch.startNs) && ch.nullCount) return;
    if (ch.mode === 0 || ch.mode === 4) {
      // Resume where it stopped.
      ch.startNs = now - ch.frozenTicks * NS_PER_TICK;
    } else {
      // A rising gate (re)triggers modes 1 and 5 and reloads modes 2 and 3.
      ch.startNs = now;
    }
  }

  /** Port 0x61 as read: gate 2, speaker data, refresh toggle (bit 4), channel 2 OUT (bit 5). */
  readPort61(): number {
    const now = this.clock.nowNs;
    return (this.channels[2]!.gate ? 0x01 : 0) |
      (this.speakerData ? 0x02 : 0) |
      (Math.floor(now / REFRESH_PERIOD_NS) & 1 ? 0x10 : 0) |
      (this.channels[2]!.out(now) ? 0x20 : 0);
  }

  readonly ports: PortHandler = {
    read8: (port) => {
      if (port === 0x61) return this.readPort61();
      if (port === 0x43) return 0xff; // the control register cannot be read
      return this.readCounter(port);
    },
    write8: (port, value) => {
      if (port === 0x61) {
        this.speakerData = (value & 0x02) !== 0;
        this.setGate2((value & 0x01) !== 0);
      } else if (port === 0x43) {
        this.writeControl(value);
      } else {
        this.writeCounter(port, value);
      }
    },
  };

  attach(bus: PortIoBus): void {
    bus.register(0x40, 0x43, this.ports);
    bus.register(0x61, 0x61, this.ports);
  }
}

export function createPit(options: PitOptions): Pit {
  return new Pit(options);
}
