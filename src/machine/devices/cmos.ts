// CMOS RAM and the MC146818 real-time clock on ports 0x70 (index, bit 7 = NMI disable) and
// 0x71 (data).
//
// The clock reads a fixed, configurable start date plus elapsed guest time, never the host's
// clock, so two runs of the same image see the same dates. Writes to the time registers move
// that date (kept as an offset). Status register A's update-in-progress bit is set only during
// the last 244 µs of each guest second, as on the real chip, so loops that wait for it to
// clear finish. Values are BCD unless the guest sets binary mode in register B.
//
// The rest of CMOS RAM holds what a BIOS setup would have stored: memory sizes derived from the
// RAM size, the equipment byte, the century, and a valid-battery status.
//
// Interrupts (IRQ 8): the periodic interrupt (register B bit 6, rate from register A's low
// nibble) and the once-a-second update-ended interrupt (bit 4) are timed in guest time like the
// PIT (TimedDevice). Each sets its flag in register C and raises IRQ 8; the line stays high until
// the guest reads register C, which is what RTC drivers do in their handler. Alarms are not
// implemented.

import type { GuestClock, InterruptLines, PortHandler, TimedDevice } from '../types.ts';
import type { PortIoBus } from '../io.ts';

/** 2026-01-01 00:00:00 UTC: the default date the guest sees at power-on. */
export const DEFAULT_RTC_START_MS = Date.UTC(2026, 0, 1, 0, 0, 0);
const UIP_WINDOW_NS = 244_000;

export const CMOS_REG = {
  seconds: 0x00, minutes: 0x02, hours: 0x04, weekday: 0x06, day: 0x07, month: 0x08, year: 0x09,
  statusA: 0x0a, statusB: 0x0b, statusC: 0x0c, statusD: 0x0d,
  diagnostic: 0x0e, shutdown: 0x0f, floppyTypes: 0x10, hardDiskTypes: 0x12, equipment: 0x14,
  baseMemLow: 0x15, baseMemHigh: 0x16, extMemLow: 0x17, extMemHigh: 0x18,
  extMem2Low: 0x30, extMem2High: 0x31, century: 0x32, highMemLow: 0x34, highMemHigh: 0x35,
} as const;

export interface CmosOptions {
  clock: GuestClock;
  ramSize: number;
  /** Milliseconds since the Unix epoch (UTC) that guest time 0 corresponds to. */
  startTimeMs?: number;
  /** Whether a floppy drive is reported in the equipment byte. */
  floppy?: boolean;
  /** Where IRQ 8 goes (the PIC pair). */
  irq?: InterruptLines;
}

const B_PERIODIC = 0x40;
const B_UPDATE_ENDED = 0x10;
const C_ANY = 0x80;
const C_PERIODIC = 0x40;
const C_UPDATE_ENDED = 0x10;

const toBcd = (v: number): number => ((Math.floor(v / 10) % 10) << 4) | (v % 10);
const fromBcd = (v: number): number => (v >> 4) * 10 + (v & 0xf);

export class Cmos implements TimedDevice {
  readonly ram = new Uint8Array(128);
  index = 0;
  nmiDisabled = true;
  /** Seconds added to the start date by guest writes to the clock registers. */
  private offsetSeconds = 0;
  private readonly clock: GuestClock;
  private readonly startTimeMs: number;
  private readonly irq: InterruptLines | undefined;
  /** Guest time up to which interrupt events have been delivered. */
  private deliveredUntilNs = 0;

  constructor(options: CmosOptions) {
    this.clock = options.clock;
    this.irq = options.irq;
    this.startTimeMs = options.startTimeMs ?? DEFAULT_RTC_START_MS;
    const r = this.ram;
    r[CMOS_REG.statusA] = 0x26; // 32.768 kHz time base, 1024 Hz periodic rate
    r[CMOS_REG.statusB] = 0x02; // 24-hour, BCD, no interrupts
    r[CMOS_REG.statusD] = 0x80; // battery good
    r[CMOS_REG.floppyTypes] = options.floppy ? 0x40 : 0x00; // 1.44 MB drive A
    r[CMOS_REG.hardDiskTypes] = 0xf0; // drive C present, type in the extended byte
    // Equipment: bit 0 floppy present, bit 1 FPU, bits 4–5 00 = EGA/VGA.
    r[CMOS_REG.equipment] = (options.floppy ? 0x01 : 0) | 0x02;
    r[CMOS_REG.baseMemLow] = 640 & 0xff;
    r[CMOS_REG.baseMemHigh] = 640 >> 8;
    const mib = 1024 * 1024;
    const extKiB = Math.min(0xffff, Math.max(0, Math.floor((options.ramSize - mib) / 1024)));
    r[CMOS_REG.extMemLow] = r[CMOS_REG.extMem2Low] = extKiB & 0xff;
    r[CMOS_REG.extMemHigh] = r[CMOS_REG.extMem2High] = extKiB >> 8;
    const above16 = Math.min(0xffff, Math.max(0, Math.floor((options.ramSize - 16 * mib) / 65536)));
    r[CMOS_REG.highMemLow] = above16 & 0xff;
    r[CMOS_REG.highMemHigh] = above16 >> 8;
  }

  /** The date the clock shows now (UTC fields are the RTC's fields). */
  now(): Date {
    return new Date(this.startTimeMs + this.offsetSeconds * 1000 + Math.floor(this.clock.nowNs / 1e9) * 1000);
  }

  private encode(v: number): number {
    return this.ram[CMOS_REG.statusB]! & 0x04 ? v : toBcd(v);
  }
  private decode(v: number): number {
    return this.ram[CMOS_REG.statusB]! & 0x04 ? v : fromBcd(v);
  }

  private encodeHours(h: number): number {
    if (this.ram[CMOS_REG.statusB]! & 0x02) return this.encode(h);
    const pm = h >= 12;
    const h12 = h % 12 === 0 ? 12 : h % 12;
    return this.encode(h12) | (pm ? 0x80 : 0);
  }

  readRegister(reg: number): number {
    const d = this.now();
    switch (reg) {
      case CMOS_REG.seconds: return this.encode(d.getUTCSeconds());
      case CMOS_REG.minutes: return this.encode(d.getUTCMinutes());
      case CMOS_REG.hours: return this.encodeHours(d.getUTCHours());
      case CMOS_REG.weekday: return this.encode(d.getUTCDay() + 1);
      case CMOS_REG.day: return this.encode(d.getUTCDate());
      case CMOS_REG.month: return this.encode(d.getUTCMonth() + 1);
      case CMOS_REG.year: return this.encode(d.getUTCFullYear() % 100);
      case CMOS_REG.century: return this.encode(Math.floor(d.getUTCFullYear() / 100));
      case CMOS_REG.statusA: {
        const intoSecond = this.clock.nowNs % 1e9;
        return (this.ram[reg]! & 0x7f) | (intoSecond >= 1e9 - UIP_WINDOW_NS ? 0x80 : 0);
      }
      case CMOS_REG.statusC: {
        // Reading C acknowledges the clock's interrupt flags and releases IRQ 8.
        const v = this.ram[reg]!;
        this.ram[reg] = 0;
        if (v & C_ANY) this.irq?.setIrq(8, false);
        return v;
      }
      case 0x01: case 0x03: case 0x05: return this.ram[reg]!; // alarm registers
      default: return this.ram[reg & 0x7f]!;
    }
  }

  writeRegister(reg: number, value: number): void {
    const fields: Record<number, (d: Date, v: number) => void> = {
      [CMOS_REG.seconds]: (d, v) => d.setUTCSeconds(v),
      [CMOS_REG.minutes]: (d, v) => d.setUTCMinutes(v),
      [CMOS_REG.hours]: (d, v) => d.setUTCHours(v),
      [CMOS_REG.day]: (d, v) => d.setUTCDate(v),
      [CMOS_REG.month]: (d, v) => d.setUTCMonth(v - 1),
      [CMOS_REG.year]: (d, v) => d.setUTCFullYear(Math.floor(d.getUTCFullYear() / 100) * 100 + v),
      [CMOS_REG.century]: (d, v) => d.setUTCFullYear(v * 100 + (d.getUTCFullYear() % 100)),
    };
    const set = fields[reg];
    if (set) {
      const d = this.now();
      const before = d.getTime();
      let v = value;
      if (reg === CMOS_REG.hours && !(this.ram[CMOS_REG.statusB]! & 0x02)) {
        const h = this.decode(v & 0x7f) % 12;
        v = h + (value & 0x80 ? 12 : 0);
      } else {
        v = this.decode(v);
      }
      set(d, v);
      this.offsetSeconds += Math.round((d.getTime() - before) / 1000);
      return;
    }
    if (reg === CMOS_REG.weekday || reg === CMOS_REG.statusC || reg === CMOS_REG.statusD) return; // derived or read-only
    if (reg === CMOS_REG.statusA || reg === CMOS_REG.statusB) {
      // Events are counted from now on: no burst for the time interrupts were off.
      this.deliveredUntilNs = Math.max(this.deliveredUntilNs, this.clock.nowNs);
      this.ram[reg] = reg === CMOS_REG.statusA ? value & 0x7f : value;
      return;
    }
    this.ram[reg & 0x7f] = value;
  }

  /** Period of the periodic interrupt in ns, or Infinity when it is off. */
  private periodicNs(): number {
    if (!(this.ram[CMOS_REG.statusB]! & B_PERIODIC)) return Infinity;
    const rate = this.ram[CMOS_REG.statusA]! & 0x0f;
    if (rate === 0) return Infinity;
    // Rates 1 and 2 are aliases of 8 and 9 on the MC146818 (256 and 128 Hz would be faster).
    const r = rate < 3 ? rate + 7 : rate;
    return 1e9 / (32768 >> (r - 1));
  }

  /** First multiple of `period` strictly after `after`. */
  private static nextMultiple(after: number, period: number): number {
    return (Math.floor(after / period) + 1) * period;
  }

  nextEventNs(): number {
    let next = Infinity;
    const p = this.periodicNs();
    if (p !== Infinity) next = Cmos.nextMultiple(this.deliveredUntilNs, p);
    if (this.ram[CMOS_REG.statusB]! & B_UPDATE_ENDED) next = Math.min(next, Cmos.nextMultiple(this.deliveredUntilNs, 1e9));
    return next;
  }

  advanceTo(nowNs: number): void {
    let flags = 0;
    const p = this.periodicNs();
    if (p !== Infinity && Cmos.nextMultiple(this.deliveredUntilNs, p) <= nowNs) flags |= C_PERIODIC;
    if (this.ram[CMOS_REG.statusB]! & B_UPDATE_ENDED && Cmos.nextMultiple(this.deliveredUntilNs, 1e9) <= nowNs) flags |= C_UPDATE_ENDED;
    this.deliveredUntilNs = Math.max(this.deliveredUntilNs, nowNs);
    if (flags === 0) return;
    this.ram[CMOS_REG.statusC] = this.ram[CMOS_REG.statusC]! | flags | C_ANY;
    this.irq?.setIrq(8, true);
  }

  readonly ports: PortHandler = {
    read8: (port) => (port === 0x70 ? 0xff : this.readRegister(this.index)),
    write8: (port, value) => {
      if (port === 0x70) {
        this.nmiDisabled = (value & 0x80) !== 0;
        this.index = value & 0x7f;
      } else {
        this.writeRegister(this.index, value);
      }
    },
  };

  attach(bus: PortIoBus): void {
    bus.register(0x70, 0x71, this.ports);
  }
}

export function createCmos(options: CmosOptions): Cmos {
  return new Cmos(options);
}
