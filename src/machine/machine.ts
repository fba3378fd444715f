// The PC: CPU, memory, port bus, devices and BIOS wired together, run in slices of guest
// time. Guest time is the CPU's instruction count (1 ns each) plus the time `hlt` skips
// forward to the next timer event, so a run is deterministic: the same image and the same
// inputs (given between runs) give the same instruction trace, whatever the host's speed.
// Host time (maxMs) only decides where a `run` call returns, never what the guest sees.
import { announceBoot, createBios, createDisk, installBiosData, loadBootSector, type Disk } from './bios/index.ts';
import { Cpu, RunResult } from './cpu/cpu.ts';
import { createPcDevices, keyStrokeScanCodes, type PcDevices } from './devices/index.ts';
import { createIoBus, type PortIoBus } from './io.ts';
import { createPhysicalMemory, DEFAULT_RAM_SIZE, type GuestMemory } from './memory.ts';
import type { GuestClock, StopReason } from './types.ts';
import { restoreObject, snapshotObject, type Json } from './snapshot.ts';

export interface MachineOptions {
  /** The hard disk (drive 0x80) the BIOS boots from. */
  diskImage?: Uint8Array;
  /** An optional floppy image (drive 0x00). */
  floppyImage?: Uint8Array;
  /** RAM size in bytes (default 128 MiB). */
  memorySize?: number;
  /** RTC time at power-on (ms since the epoch, UTC); fixed by default for determinism. */
  rtcStartTimeMs?: number;
  /** The BIOS's power-on banner and "Booting from ..." line, laid out as SeaBIOS does in QEMU (default true). */
  biosBanner?: boolean;
}

export interface RunOptions {
  /** Stop after this much guest time, in instructions of 1 ns (time skipped by hlt counts); default: no limit. */
  maxInstructions?: number;
  /** Stop after about this much host time (default: no limit). */
  maxMs?: number;
}

/** Instructions per slice between checks of timers and host time. */
const SLICE = 200_000;

export class Machine {
  readonly mem: GuestMemory;
  readonly io: PortIoBus;
  readonly cpu: Cpu;
  readonly devices: PcDevices;
  readonly disk: Disk | undefined;
  private readonly serialBytes: number[] = [];
  private serialRead = 0;
  private pendingStop: StopReason | null = null;
  private readonly biosBanner: boolean;
  /** Called with every byte the guest sends on COM1 (in addition to `serialOutput`). */
  onSerial: ((byte: number) => void) | null = null;

  constructor(opts: MachineOptions = {}) {
    this.mem = createPhysicalMemory(opts.memorySize ?? DEFAULT_RAM_SIZE);
    this.io = createIoBus();
    const clock: GuestClock = { get nowNs() { return cpuRef ? cpuRef.nowNs : 0; } };
    let cpuRef: Cpu | null = null;
    this.devices = createPcDevices({
      memory: this.mem, io: this.io, clock,
      rtcStartTimeMs: opts.rtcStartTimeMs ?? Date.UTC(2026, 0, 1),
      floppy: opts.floppyImage !== undefined,
      onSerialOutput: (b) => { this.serialBytes.push(b); this.onSerial?.(b); },
      onReset: () => this.stop({ kind: 'reset' }),
      onDebugExit: (code) => this.stop({ kind: 'debug-exit', code }),
    });
    this.biosBanner = opts.biosBanner ?? true;
    this.disk = opts.diskImage ? createDisk(opts.diskImage, 'hard-disk') : undefined;
    const floppy = opts.floppyImage ? createDisk(opts.floppyImage, 'floppy') : undefined;
    const bios = createBios({ io: this.io, hardDisk: this.disk, floppy, bootMessages: opts.biosBanner ?? true, clock });
    this.cpu = new Cpu({ mem: this.mem, io: this.io, pic: this.devices.pic, bios });
    cpuRef = this.cpu;
    installBiosData(this.mem, this.io, { hardDisk: this.disk, floppy, startTimeMs: opts.rtcStartTimeMs ?? Date.UTC(2026, 0, 1), banner: opts.biosBanner ?? true });
    this.powerOn();
  }

  /**
   * What the BIOS does before it hands over: with a bootable disk, sector 0 at 0x7C00 and the
   * CPU at 0000:7C00 with DL = 0x80; otherwise the CPU starts at the POST code, whose int 19h
   * reports that nothing is bootable.
   */
  private powerOn(): void {
    this.cpu.reset();
    const bootable = this.disk ? loadBootSector(this.mem, this.disk) : false;
    if (bootable && this.biosBanner) announceBoot(this.mem, this.io, 0x80);
    if (!bootable) {
      this.cpu.segSel[1] = 0xf000;
      this.cpu.segBase[1] = 0xf0000;
      this.cpu.rip = 0xe05b;
    }
  }

  private stop(reason: StopReason): void {
    if (!this.pendingStop) this.pendingStop = reason;
    this.cpu.requestStop();
  }

  /**
   * Runs until a stop reason or a budget runs out: `maxInstructions` is a budget of guest time
   * in instructions (1 ns each), so time that `hlt` skips counts against it too (a waiting
   * guest returns after that much guest time instead of racing its clock ahead); `maxMs` is
   * host time.
   */
  run(opts: RunOptions = {}): StopReason {
    const cpu = this.cpu;
    const budgetEnd = cpu.nowNs + (opts.maxInstructions ?? Infinity);
    const deadline = opts.maxMs !== undefined ? performance.now() + opts.maxMs : Infinity;
    const timed = this.devices.timed;
    for (;;) {
      if (this.pendingStop) { const s = this.pendingStop; this.pendingStop = null; return s; }
      const now = cpu.nowNs;
      let next = Infinity;
      for (const d of timed) next = Math.min(next, d.nextEventNs());
      if (next <= now) {
        for (const d of timed) d.advanceTo(now);
        next = Infinity;
        for (const d of timed) next = Math.min(next, d.nextEventNs());
      }
      const left = budgetEnd - now;
      if (left <= 0) return { kind: 'slice' };
      const slice = Math.max(1, Math.min(left, SLICE, next - now));
      const result = cpu.run(slice);
      switch (result) {
        case RunResult.Stopped: break;
        case RunResult.TripleFault: return { kind: 'triple-fault', message: cpu.tripleFaultMessage };
        case RunResult.Halted: if (!this.pendingStop) return { kind: 'hlt' }; break;
        case RunResult.Waiting: {
          // hlt with interrupts enabled: jump guest time to the next timer event (or to the
          // end of the budget, if that comes first).
          let when = Infinity;
          for (const d of timed) when = Math.min(when, d.nextEventNs());
          if (when === Infinity) return { kind: 'hlt' };
          const to = Math.min(when, budgetEnd);
          if (to > cpu.nowNs) cpu.skippedNs += to - cpu.nowNs;
          for (const d of timed) d.advanceTo(cpu.nowNs);
          break;
        }
        default: break;
      }
      if (deadline !== Infinity && performance.now() >= deadline) {
        if (this.pendingStop) continue;
        return { kind: 'slice' };
      }
    }
  }

  // ------------------------------------------------------------ screen, serial, keyboard

  /** The 80x25 text screen, rows joined by newlines, trailing blanks and blank rows removed. */
  screenText(): string { return this.devices.vga.text(); }
  /** The 25 rows (optionally with trailing blanks trimmed). */
  screenRows(trimEnd = false): string[] { return this.devices.vga.textRows(trimEnd); }
  cursor() { return this.devices.vga.cursor(); }

  /** Everything the guest sent on COM1 so far. */
  serialOutput(): string {
    let out = '';
    for (let k = 0; k < this.serialBytes.length; k += 8192) out += String.fromCharCode(...this.serialBytes.slice(k, k + 8192));
    return out;
  }
  /** Bytes sent on COM1 since the last call. */
  takeSerial(): Uint8Array { const b = Uint8Array.from(this.serialBytes.slice(this.serialRead)); this.serialRead = this.serialBytes.length; return b; }
  /** Bytes to the guest on COM1. */
  sendSerial(data: string | Uint8Array): void { this.devices.serial.receive(data); }

  /** A key press and release (a DOM key name such as 'a', 'Enter', 'ArrowUp'). */
  pressKey(key: string): void {
    this.devices.keyboard.sendScanCodes(keyStrokeScanCodes(key));
  }
  keyEvent(key: string, release: boolean): boolean { return this.devices.keyboard.keyEvent(key, release); }

  // ------------------------------------------------------------ save / restore

  /** The whole machine state (CPU, RAM, devices) as bytes. */
  saveState(): Uint8Array {
    const cpu = this.cpu;
    cpu.materializeFlags();
    const header = {
      version: 1,
      cpu: snapshotObject(cpu, this.skipSet()),
      devices: snapshotObject(this.devices, this.skipSet()),
      a20: this.mem.a20,
      serial: this.serialBytes.length,
    };
    const json = new TextEncoder().encode(JSON.stringify(header));
    // RAM: a bitmap of non-zero 4 KiB pages followed by those pages.
    const pages = this.mem.size / 4096;
    const nonZero: number[] = [];
    const ram = this.mem.ram;
    const words = new Uint32Array(ram.buffer, ram.byteOffset, ram.byteLength / 4);
    for (let p = 0; p < pages; p++) {
      for (let w = p * 1024, e = w + 1024; w < e; w++) if (words[w] !== 0) { nonZero.push(p); break; }
    }
    const out = new Uint8Array(8 + json.length + 4 + nonZero.length * 4 + nonZero.length * 4096);
    const dv = new DataView(out.buffer);
    dv.setUint32(0, 0x424c5331); // "BLS1"
    dv.setUint32(4, json.length);
    out.set(json, 8);
    let at = 8 + json.length;
    dv.setUint32(at, nonZero.length); at += 4;
    for (const p of nonZero) { dv.setUint32(at, p); at += 4; }
    for (const p of nonZero) { out.set(ram.subarray(p * 4096, p * 4096 + 4096), at); at += 4096; }
    return out;
  }

  restoreState(bytes: Uint8Array): void {
    const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (dv.getUint32(0) !== 0x424c5331) throw new Error('not a Bootlab machine state');
    const len = dv.getUint32(4);
    const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + len))) as {
      cpu: Json; devices: Json; a20: boolean; serial: number;
    };
    let at = 8 + len;
    const n = dv.getUint32(at); at += 4;
    const pages: number[] = [];
    for (let k = 0; k < n; k++) { pages.push(dv.getUint32(at)); at += 4; }
    this.mem.ram.fill(0);
    for (const p of pages) { this.mem.ram.set(bytes.subarray(at, at + 4096), p * 4096); at += 4096; }
    this.mem.a20 = header.a20;
    restoreObject(this.cpu, header.cpu, this.skipSet());
    restoreObject(this.devices, header.devices, this.skipSet());
    this.cpu.tlb.flush();
    this.cpu.flushCodeCache();
    this.serialBytes.length = Math.min(this.serialBytes.length, header.serial);
    this.pendingStop = null;
  }

  private skipSet(): Set<unknown> {
    return new Set<unknown>([this.mem, this.io, this.cpu.bios, this.mem.ram, this.cpu.codePages, this.cpu.tlb]);
  }
}

export function createMachine(opts: MachineOptions = {}): Machine {
  return new Machine(opts);
}
