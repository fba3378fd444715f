// A 16550A UART (COM1 at 0x3f8–0x3ff, IRQ 4).
//
// Transmission is instantaneous: a byte written to THR goes straight to the output listener and
// the line status always reports the transmitter empty (LSR 0x60). Polling drivers such as the
// `uart_16550` crate spin on that bit, so it must never be clear. Received bytes are queued by
// the host (`receive`) and read from RBR with LSR's data-ready bit set while any remain.
// Interrupts reach the PIC only when the guest enables them in IER and sets OUT2 in MCR (on a PC
// OUT2 gates the UART's interrupt line). Loopback mode (MCR bit 4) routes output back to input,
// which drivers use as a self-test.

import type { InterruptLines, PortHandler } from '../types.ts';
import type { PortIoBus } from '../io.ts';

const IER_RX = 0x01;
const IER_THRE = 0x02;
const LSR_DATA_READY = 0x01;
const LSR_THR_EMPTY = 0x20;
const LSR_TX_EMPTY = 0x40;
const MCR_OUT2 = 0x08;
const MCR_LOOP = 0x10;
const MAX_QUEUED_INPUT = 1 << 16;

export interface SerialOptions {
  /** First port (0x3f8 for COM1). */
  base?: number;
  /** IRQ line (4 for COM1). */
  irqLine?: number;
  irq?: InterruptLines;
  /** Receives every byte the guest transmits. */
  onOutput?: (byte: number) => void;
}

export class Uart16550 {
  readonly base: number;
  private readonly irqLine: number;
  private readonly irq: InterruptLines | undefined;
  onOutput: ((byte: number) => void) | undefined;

  ier = 0;
  lcr = 0x00; // what QEMU's UART shows after SeaBIOS: nobody programmed it
  mcr = 0x08; // OUT2 set, as QEMU resets it
  scratch = 0;
  divisor = 12; // 9600 baud
  fifoEnabled = false;
  private readonly input: number[] = [];
  /** THR-empty interrupt condition: set when THR empties, cleared by reading IIR or writing THR. */
  private thrEmptyPending = false;
  private irqLevel = false;

  constructor(options: SerialOptions = {}) {
    this.base = options.base ?? 0x3f8;
    this.irqLine = options.irqLine ?? 4;
    this.irq = options.irq;
    this.onOutput = options.onOutput;
  }

  /** Queues bytes as if they arrived on the line. */
  receive(bytes: Uint8Array | readonly number[] | string): void {
    const list = typeof bytes === 'string' ? Array.from(new TextEncoder().encode(bytes)) : Array.from(bytes);
    for (const b of list) if (this.input.length < MAX_QUEUED_INPUT) this.input.push(b & 0xff);
    this.updateIrq();
  }

  get queuedInput(): number {
    return this.input.length;
  }

  lineStatus(): number {
    return LSR_THR_EMPTY | LSR_TX_EMPTY | (this.input.length > 0 ? LSR_DATA_READY : 0);
  }

  /** IIR value: the highest-priority pending cause (bit 0 set = none). */
  private interruptId(): number {
    const fifoBits = this.fifoEnabled ? 0xc0 : 0;
    if (this.ier & IER_RX && this.input.length > 0) return fifoBits | 0x04;
    if (this.ier & IER_THRE && this.thrEmptyPending) return fifoBits | 0x02;
    return fifoBits | 0x01;
  }

  private updateIrq(): void {
    const level = (this.mcr & MCR_OUT2) !== 0 && (this.interruptId() & 1) === 0;
    if (level !== this.irqLevel) {
      this.irqLevel = level;
      this.irq?.setIrq(this.irqLine, level);
    }
  }

  private transmit(byte: number): void {
    if (this.mcr & MCR_LOOP) this.input.push(byte);
    else this.onOutput?.(byte);
    this.thrEmptyPending = true; // the byte left at once
  }

  read(offset: number): number {
    const dlab = (this.lcr & 0x80) !== 0;
    switch (offset) {
      case 0: {
        if (dlab) return this.divisor & 0xff;
        const b = this.input.length > 0 ? this.input.shift()! : 0;
        this.updateIrq();
        return b;
      }
      case 1: return dlab ? this.divisor >> 8 : this.ier;
      case 2: {
        const id = this.interruptId();
        if ((id & 0x0f) === 0x02) {
          this.thrEmptyPending = false;
          this.updateIrq();
        }
        return id;
      }
      case 3: return this.lcr;
      case 4: return this.mcr;
      case 5: return this.lineStatus();
      case 6: {
        if (this.mcr & MCR_LOOP) {
          // Loopback wires DTR→DSR, RTS→CTS, OUT1→RI, OUT2→DCD.
          const m = this.mcr;
          return ((m & 0x01) << 5) | ((m & 0x02) << 3) | ((m & 0x04) << 4) | ((m & 0x08) << 4);
        }
        return 0xb0; // CTS, DSR, DCD: a cable with someone on the other end
      }
      default: return this.scratch;
    }
  }

  write(offset: number, value: number): void {
    const dlab = (this.lcr & 0x80) !== 0;
    switch (offset) {
      case 0:
        if (dlab) this.divisor = (this.divisor & 0xff00) | value;
        else this.transmit(value);
        break;
      case 1:
        if (dlab) {
          this.divisor = (this.divisor & 0xff) | (value << 8);
        } else {
          const enablingThre = (value & IER_THRE) !== 0 && (this.ier & IER_THRE) === 0;
          this.ier = value & 0x0f;
          // Enabling the THR-empty interrupt while THR is empty raises it at once (16550 behaviour).
          if (enablingThre) this.thrEmptyPending = true;
        }
        break;
      case 2:
        this.fifoEnabled = (value & 0x01) !== 0;
        if (value & 0x02) this.input.length = 0; // clear receive FIFO
        break;
      case 3: this.lcr = value; break;
      case 4: this.mcr = value & 0x1f; break;
      case 5: case 6: break; // read-only in practice
      default: this.scratch = value;
    }
    this.updateIrq();
  }

  readonly ports: PortHandler = {
    read8: (port) => this.read(port - this.base),
    write8: (port, value) => this.write(port - this.base, value),
  };

  attach(bus: PortIoBus): void {
    bus.register(this.base, this.base + 7, this.ports);
  }
}

export function createSerial(options: SerialOptions = {}): Uart16550 {
  return new Uart16550(options);
}
