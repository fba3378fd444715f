// The two cascaded 8259A interrupt controllers of a PC: master on 0x20/0x21 (IRQ 0–7), slave on
// 0xa0/0xa1 (IRQ 8–15) wired to the master's IRQ 2.
//
// Model: edge-triggered requests (a rising line sets the IRR bit; a falling line does not clear
// it), fixed priority with optional rotation, in-service bits cleared by EOI (or automatically
// in auto-EOI mode), OCW3 for reading IRR/ISR and the poll command, special mask mode. When an
// acknowledge finds nothing to deliver the chip answers with IRQ 7 of its own vector block
// without setting an in-service bit (the "spurious IRQ" real 8259s produce); a spurious slave
// interrupt still leaves the master's IRQ 2 in service, as on hardware.
//
// Power-on state is what a PC BIOS leaves after POST: master vectors at 0x08, slave at 0x70,
// everything masked except IRQ 0 (timer), 1 (keyboard) and 2 (cascade).

import type { InterruptController, InterruptLines, PortHandler } from '../types.ts';
import type { PortIoBus } from '../io.ts';

/** Index of the highest-priority set bit in `bits` counted from `lowest` rotation, or 8 if none. */
function priorityOf(bits: number, rotation: number): number {
  if (bits === 0) return 8;
  let p = 0;
  while ((bits & (1 << ((p + rotation) & 7))) === 0) p++;
  return p;
}

/** One 8259A. */
export class Pic8259 {
  irr = 0;
  imr = 0xff;
  isr = 0;
  vectorBase = 0;
  /** Added to an IRQ number before comparing priorities (set by the rotate commands). */
  rotation = 0;
  autoEoi = false;
  rotateOnAutoEoi = false;
  specialMask = false;
  readIsr = false;
  pollNext = false;
  /** 0 when initialised; 2,3,4 = the next data write is that ICW. */
  initStep = 0;
  private single = false;
  private wantIcw4 = false;
  /** Current level of each input line, for edge detection. */
  private lineLevels = 0;

  constructor(readonly isMaster: boolean) {}

  /** Drives input line `line` (0–7). Returns true if the IRR changed. */
  setLine(line: number, high: boolean): boolean {
    const bit = 1 << line;
    if (high) {
      const rising = (this.lineLevels & bit) === 0;
      this.lineLevels |= bit;
      if (rising && (this.irr & bit) === 0) {
        this.irr |= bit;
        return true;
      }
      return false;
    }
    this.lineLevels &= ~bit;
    return false;
  }

  /** The IRQ (0–7) this chip would deliver now, or -1. */
  pendingIrq(): number {
    const requested = this.irr & ~this.imr;
    const best = priorityOf(requested, this.rotation);
    if (best === 8) return -1;
    let inService = this.isr;
    // Special mask mode lets lower priorities through while a masked level is in service.
    if (this.specialMask) inService &= ~this.imr;
    const current = priorityOf(inService, this.rotation);
    return best < current ? (best + this.rotation) & 7 : -1;
  }

  /** INTA for `irq` on this chip: moves it from requested to in service. */
  acknowledge(irq: number): void {
    const bit = 1 << irq;
    this.irr &= ~bit;
    if (this.autoEoi) {
      if (this.rotateOnAutoEoi) this.rotation = (irq + 1) & 7;
    } else {
      this.isr |= bit;
    }
  }

  writeCommand(value: number): void {
    if (value & 0x10) {
      // ICW1: starts initialisation. Clears masks and in-service state and edge memory.
      this.single = (value & 0x02) !== 0;
      this.wantIcw4 = (value & 0x01) !== 0;
      this.imr = 0;
      this.isr = 0;
      this.irr = 0;
      this.lineLevels = 0;
      this.rotation = 0;
      this.autoEoi = false;
      this.rotateOnAutoEoi = false;
      this.specialMask = false;
      this.readIsr = false;
      this.pollNext = false;
      this.initStep = 2;
      return;
    }
    if (value & 0x08) {
      // OCW3
      if (value & 0x04) this.pollNext = true;
      if (value & 0x02) this.readIsr = (value & 0x01) !== 0;
      if (value & 0x40) this.specialMask = (value & 0x20) !== 0;
      return;
    }
    // OCW2
    const level = value & 7;
    switch (value >> 5) {
      case 0: this.rotateOnAutoEoi = false; break;
      case 4: this.rotateOnAutoEoi = true; break;
      case 1: // non-specific EOI
      case 5: { // ... and rotate
        const p = priorityOf(this.isr, this.rotation);
        if (p !== 8) {
          const irq = (p + this.rotation) & 7;
          this.isr &= ~(1 << irq);
          if (value >> 5 === 5) this.rotation = (irq + 1) & 7;
        }
        break;
      }
      case 3: this.isr &= ~(1 << level); break; // specific EOI
      case 7: this.isr &= ~(1 << level); this.rotation = (level + 1) & 7; break;
      case 6: this.rotation = (level + 1) & 7; break; // set lowest priority
      default: break; // 2: no operation
    }
  }

  writeData(value: number): void {
    switch (this.initStep) {
      case 2:
        this.vectorBase = value & 0xf8;
        this.initStep = this.single ? (this.wantIcw4 ? 4 : 0) : 3;
        return;
      case 3: // ICW3: cascade wiring; a PC's is fixed, so nothing to record
        this.initStep = this.wantIcw4 ? 4 : 0;
        return;
      case 4:
        this.autoEoi = (value & 0x02) !== 0;
        this.initStep = 0;
        return;
      default:
        this.imr = value & 0xff; // OCW1
    }
  }

  /** Sets the state a BIOS leaves after programming the chip (ICW4 = 8086 mode). */
  initialise(vectorBase: number, mask: number): void {
    this.writeCommand(0x11);
    this.writeData(vectorBase);
    this.writeData(this.isMaster ? 0x04 : 0x02);
    this.writeData(0x01);
    this.writeData(mask);
  }
}

/** The master/slave pair: InterruptController for the CPU, InterruptLines for devices. */
export class DualPic implements InterruptController, InterruptLines {
  readonly master = new Pic8259(true);
  readonly slave = new Pic8259(false);
  /** Cached answer to hasPending(), recomputed after every state change (the CPU asks often). */
  private pending = false;

  constructor() {
    this.master.initialise(0x08, 0xf8);
    this.slave.initialise(0x70, 0xff);
    this.update();
  }

  setIrq(irq: number, high: boolean): void {
    if (irq < 8) this.master.setLine(irq, high);
    else this.slave.setLine(irq - 8, high);
    this.update();
  }

  pulseIrq(irq: number): void {
    this.setIrq(irq, true);
    this.setIrq(irq, false);
  }

  hasPending(): boolean {
    return this.pending;
  }

  acknowledge(): number {
    const irq = this.master.pendingIrq();
    let vector: number;
    if (irq < 0) {
      vector = this.master.vectorBase + 7; // spurious IRQ 7
    } else {
      this.master.acknowledge(irq);
      if (irq === 2) {
        const slaveIrq = this.slave.pendingIrq();
        if (slaveIrq >= 0) {
          this.slave.acknowledge(slaveIrq);
          vector = this.slave.vectorBase + slaveIrq;
        } else {
          vector = this.slave.vectorBase + 7; // spurious IRQ 15
        }
      } else {
        vector = this.master.vectorBase + irq;
      }
    }
    this.update();
    return vector;
  }

  /** Recomputes the slave's output into master IRQ 2 and the cached pending flag. */
  private update(): void {
    this.master.setLine(2, this.slave.pendingIrq() >= 0);
    this.pending = this.master.pendingIrq() >= 0;
  }

  private poll(chip: Pic8259): number {
    chip.pollNext = false;
    const irq = chip.pendingIrq();
    if (irq < 0) return 0;
    chip.acknowledge(irq);
    if (chip === this.slave) this.master.irr &= ~(1 << 2);
    this.update();
    return 0x80 | irq;
  }

  private read(chip: Pic8259, data: boolean): number {
    if (chip.pollNext) return this.poll(chip);
    if (data) return chip.imr;
    return chip.readIsr ? chip.isr : chip.irr;
  }

  private write(chip: Pic8259, data: boolean, value: number): void {
    if (data) chip.writeData(value);
    else chip.writeCommand(value);
    this.update();
  }

  /** Port handler for 0x20/0x21 and 0xa0/0xa1. */
  readonly ports: PortHandler = {
    read8: (port) => this.read(port < 0xa0 ? this.master : this.slave, (port & 1) === 1),
    write8: (port, value) => this.write(port < 0xa0 ? this.master : this.slave, (port & 1) === 1, value),
  };

  attach(bus: PortIoBus): void {
    bus.register(0x20, 0x21, this.ports);
    bus.register(0xa0, 0xa1, this.ports);
  }
}

export function createPic(): DualPic {
  return new DualPic();
}
