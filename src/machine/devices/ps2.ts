// The 8042 keyboard controller (data port 0x60, status/command port 0x64) with a keyboard
// behind it. No mouse: auxiliary-port commands answer as if nothing were plugged in.
//
// The controller has one output buffer byte. Keyboard bytes wait in a queue and move into the
// buffer one at a time, each raising IRQ 1 when the command byte enables keyboard interrupts;
// the next byte follows once the guest has read the previous one from port 0x60.
//
// Besides the keyboard the 8042 owns two motherboard lines: A20 (output port bit 1, written with
// command 0xD1, which is how old boot code enables A20) and CPU reset (output port bit 0, pulsed
// low by command 0xFE, the usual "reboot" of PC kernels). Resets are reported through `onReset`
// so the machine can stop with StopReason 'reset'.

import type { InterruptLines, PhysicalMemory, PortHandler } from '../types.ts';
import type { PortIoBus } from '../io.ts';
import { keyToScanCode, scanCodeBytes } from './scancodes.ts';

const STATUS_OUTPUT_FULL = 0x01;
const STATUS_SYSTEM_FLAG = 0x04;
const STATUS_COMMAND = 0x08;
const STATUS_UNLOCKED = 0x10;
const STATUS_AUX_DATA = 0x20;

const CMD_KBD_IRQ = 0x01;
const CMD_AUX_IRQ = 0x02;
const CMD_KBD_DISABLED = 0x10;
const CMD_AUX_DISABLED = 0x20;

const MAX_QUEUED = 256;
const AUX_FLAG = 0x100;

export interface Ps2Options {
  irq?: InterruptLines;
  memory?: PhysicalMemory;
  onReset?: () => void;
}

/** What the next write to port 0x60 means. */
type DataTarget =
  | 'keyboard'         // a command or parameter for the keyboard itself
  | 'command-byte'     // after 0x60
  | 'output-port'      // after 0xD1
  | 'kbd-output'       // after 0xD2: echo as if from the keyboard
  | 'aux-output'       // after 0xD3
  | 'aux-device';      // after 0xD4: no mouse, so swallowed

export class Ps2Controller {
  commandByte = 0x61; // keyboard IRQ on, mouse disabled, scan code translation on (as after POST)
  outputPort = 0x03; // A20 on, not in reset
  private statusFlags = STATUS_SYSTEM_FLAG | STATUS_UNLOCKED;
  private outputBuffer = 0;
  private outputFull = false;
  private outputIsAux = false;
  /** Bytes waiting for the output buffer: the byte, plus AUX_FLAG for mouse-port data. Plain
   *  numbers keep the device state trivially serialisable (machine snapshots). */
  private readonly queue: number[] = [];
  private dataTarget: DataTarget = 'keyboard';
  /** A keyboard command waiting for its parameter byte (0xED LEDs, 0xF0 scan set, 0xF3 rate). */
  private keyboardPending = 0;
  keyboardScanning = true;
  leds = 0;
  private readonly irq: InterruptLines | undefined;
  private readonly memory: PhysicalMemory | undefined;
  onReset: (() => void) | undefined;

  constructor(options: Ps2Options = {}) {
    this.irq = options.irq;
    this.memory = options.memory;
    this.onReset = options.onReset;
  }

  // ---- host side ---------------------------------------------------------------------------

  /** Queues raw scan code bytes from the keyboard. Dropped while the keyboard is disabled. */
  sendScanCodes(bytes: readonly number[]): void {
    if (!this.keyboardScanning) return;
    for (const b of bytes) this.enqueue(b, false);
  }

  /** Presses (or releases) a key by DOM name ('a', 'Enter', 'ArrowUp'). Returns false if unknown. */
  keyEvent(key: string, release: boolean): boolean {
    const k = keyToScanCode(key);
    if (!k) return false;
    this.sendScanCodes(scanCodeBytes(k.code, k.extended, release));
    return true;
  }

  /** Bytes waiting behind the output buffer. */
  get queued(): number {
    return this.queue.length;
  }

  // ---- guest side --------------------------------------------------------------------------

  status(): number {
    return this.statusFlags | (this.outputFull ? STATUS_OUTPUT_FULL : 0) | (this.outputFull && this.outputIsAux ? STATUS_AUX_DATA : 0);
  }

  readData(): number {
    const value = this.outputBuffer;
    if (this.outputFull) {
      this.outputFull = false;
      this.irq?.setIrq(this.outputIsAux ? 12 : 1, false);
      this.refill();
    }
    return value;
  }

  writeCommand(cmd: number): void {
    this.statusFlags |= STATUS_COMMAND;
    switch (cmd) {
      case 0x20: this.reply(this.commandByte); break;
      case 0x60: this.dataTarget = 'command-byte'; break;
      case 0xa7: this.commandByte |= CMD_AUX_DISABLED; break;
      case 0xa8: this.commandByte &= ~CMD_AUX_DISABLED; break;
      case 0xa9: this.reply(0x00); break; // aux interface test passed
      case 0xaa: // controller self-test
        this.statusFlags |= STATUS_SYSTEM_FLAG;
        this.reply(0x55);
        break;
      case 0xab: this.reply(0x00); break; // keyboard interface test passed
      case 0xad: this.commandByte |= CMD_KBD_DISABLED; break;
      case 0xae: this.commandByte &= ~CMD_KBD_DISABLED; this.refill(); break;
      case 0xc0: this.reply(0xbf); break; // input port: keyboard not inhibited, colour display
      case 0xd0: this.reply(this.outputPort); break;
      case 0xd1: this.dataTarget = 'output-port'; break;
      case 0xd2: this.dataTarget = 'kbd-output'; break;
      case 0xd3: this.dataTarget = 'aux-output'; break;
      case 0xd4: this.dataTarget = 'aux-device'; break;
      case 0xdd: this.setA20(false); break; // some controllers: disable A20
      case 0xdf: this.setA20(true); break; // ... enable A20
      default:
        // 0xF0–0xFF pulse output port lines whose bit is 0 in the low nibble; bit 0 is reset.
        if ((cmd & 0xf0) === 0xf0 && (cmd & 0x01) === 0) this.onReset?.();
        break;
    }
  }

  writeData(value: number): void {
    this.statusFlags &= ~STATUS_COMMAND;
    const target = this.dataTarget;
    this.dataTarget = 'keyboard';
    switch (target) {
      case 'command-byte':
        this.commandByte = value;
        if (value & 0x04) this.statusFlags |= STATUS_SYSTEM_FLAG;
        else this.statusFlags &= ~STATUS_SYSTEM_FLAG;
        this.refill();
        break;
      case 'output-port':
        this.setA20((value & 0x02) !== 0);
        this.outputPort = value;
        if ((value & 0x01) === 0) this.onReset?.(); // bit 0 low holds the CPU in reset
        break;
      case 'kbd-output': this.enqueue(value, false, true); break;
      case 'aux-output': this.enqueue(value, true, true); break;
      case 'aux-device': break; // no mouse attached
      default: this.keyboardCommand(value);
    }
  }

  private keyboardCommand(value: number): void {
    // Writing to the keyboard re-enables its interface, as real controllers do.
    this.commandByte &= ~CMD_KBD_DISABLED;
    if (this.keyboardPending !== 0) {
      const cmd = this.keyboardPending;
      this.keyboardPending = 0;
      if (cmd === 0xed) this.leds = value & 7;
      if (cmd === 0xf0 && value === 0) {
        this.replyKeyboard(0xfa, 0x02); // scan set 2 (translated to 1 by the controller)
        return;
      }
      this.replyKeyboard(0xfa);
      return;
    }
    switch (value) {
      case 0xed: case 0xf0: case 0xf3:
        this.keyboardPending = value;
        this.replyKeyboard(0xfa);
        break;
      case 0xee: this.replyKeyboard(0xee); break; // echo
      case 0xf2: this.replyKeyboard(0xfa, 0xab, 0x41); break; // MF2 keyboard, translated ID
      case 0xf4: this.keyboardScanning = true; this.replyKeyboard(0xfa); break;
      case 0xf5: this.keyboardScanning = false; this.replyKeyboard(0xfa); break;
      case 0xf6: this.keyboardScanning = true; this.replyKeyboard(0xfa); break;
      case 0xff:
        this.queue.length = 0;
        this.keyboardScanning = true;
        this.replyKeyboard(0xfa, 0xaa); // ACK, then self-test passed
        break;
      default: this.replyKeyboard(0xfe); // resend: unknown command
    }
  }

  private setA20(on: boolean): void {
    this.outputPort = on ? this.outputPort | 0x02 : this.outputPort & ~0x02;
    if (this.memory) this.memory.a20 = on;
  }

  /** A controller reply goes ahead of queued keystrokes. */
  private reply(byte: number): void {
    this.queue.unshift(byte);
    if (!this.outputFull) this.refill(true);
  }

  private replyKeyboard(...bytes: number[]): void {
    for (const b of bytes) this.enqueue(b, false, true);
  }

  private enqueue(byte: number, aux: boolean, force = false): void {
    if (this.queue.length >= MAX_QUEUED && !force) return;
    this.queue.push(aux ? byte | AUX_FLAG : byte);
    this.refill();
  }

  /** Moves the next queued byte into the empty output buffer and raises its IRQ. */
  private refill(ignoreDisable = false): void {
    if (this.outputFull || this.queue.length === 0) return;
    const next = this.queue[0]!;
    const aux = (next & AUX_FLAG) !== 0;
    if (!ignoreDisable && !aux && this.commandByte & CMD_KBD_DISABLED) return;
    this.queue.shift();
    this.outputBuffer = next & 0xff;
    this.outputIsAux = aux;
    this.outputFull = true;
    const irqEnabled = aux ? this.commandByte & CMD_AUX_IRQ : this.commandByte & CMD_KBD_IRQ;
    if (irqEnabled) this.irq?.setIrq(aux ? 12 : 1, true);
  }

  readonly ports: PortHandler = {
    read8: (port) => (port === 0x60 ? this.readData() : this.status()),
    write8: (port, value) => (port === 0x60 ? this.writeData(value) : this.writeCommand(value)),
  };

  attach(bus: PortIoBus): void {
    bus.register(0x60, 0x60, this.ports);
    bus.register(0x64, 0x64, this.ports);
  }
}

export function createPs2Controller(options: Ps2Options = {}): Ps2Controller {
  return new Ps2Controller(options);
}
