// Contracts between the CPU, memory, devices and the BIOS. Devices and BIOS see the CPU only
// through these interfaces, so each part can be tested alone.

/** Port-mapped I/O as the CPU sees it. Sizes are 1, 2 or 4 bytes. */
export interface IoBus {
  in(port: number, size: 1 | 2 | 4): number;
  out(port: number, size: 1 | 2 | 4, value: number): void;
}

/** A device's view of one range of ports. Unhandled sizes are split into bytes by the bus. */
export interface PortHandler {
  read8?(port: number): number;
  write8?(port: number, value: number): void;
  read16?(port: number): number;
  write16?(port: number, value: number): void;
  read32?(port: number): number;
  write32?(port: number, value: number): void;
}

/** The 8259 pair as the CPU sees it. */
export interface InterruptController {
  /** True when an unmasked request is waiting (the CPU checks it only while IF=1). */
  hasPending(): boolean;
  /** Acknowledges the highest-priority request and returns its vector (the INTA cycle). */
  acknowledge(): number;
}

/** Guest time, advanced by the machine from the instruction count. */
export interface GuestClock {
  /** Guest nanoseconds since power-on. */
  readonly nowNs: number;
}

/** Something that wants to act at a guest time (the PIT's next tick). */
export interface TimedDevice {
  /** Guest time (ns) of the next event, or Infinity when none is due. */
  nextEventNs(): number;
  /** Brings the device up to `nowNs`, raising interrupts that fell due. */
  advanceTo(nowNs: number): void;
}

/** Why a call to `run` returned. */
export type StopReason =
  | { kind: 'slice' }                              // the instruction or time budget is used up
  | { kind: 'hlt' }                                // hlt with interrupts disabled: nothing will ever wake it
  | { kind: 'debug-exit'; code: number }           // the guest wrote `code` to port 0xf4
  | { kind: 'triple-fault'; message: string }
  | { kind: 'reset' };                             // the guest asked for a reset (keyboard controller, port 0xcf9)

/** The registers a BIOS service reads and writes (real mode: 16-bit views, plus 32-bit for E820). */
export interface BiosRegisters {
  getReg8(name: 'al' | 'ah' | 'bl' | 'bh' | 'cl' | 'ch' | 'dl' | 'dh'): number;
  setReg8(name: 'al' | 'ah' | 'bl' | 'bh' | 'cl' | 'ch' | 'dl' | 'dh', value: number): void;
  getReg16(name: 'ax' | 'bx' | 'cx' | 'dx' | 'si' | 'di' | 'bp' | 'sp'): number;
  setReg16(name: 'ax' | 'bx' | 'cx' | 'dx' | 'si' | 'di' | 'bp' | 'sp', value: number): void;
  getReg32(name: 'eax' | 'ebx' | 'ecx' | 'edx' | 'esi' | 'edi' | 'ebp' | 'esp'): number;
  setReg32(name: 'eax' | 'ebx' | 'ecx' | 'edx' | 'esi' | 'edi' | 'ebp' | 'esp', value: number): void;
  /** Segment selector; in real mode the base is selector * 16. */
  getSeg(name: 'es' | 'cs' | 'ss' | 'ds' | 'fs' | 'gs'): number;
  /** Segment base as the CPU holds it (differs from selector*16 in unreal mode). */
  getSegBase(name: 'es' | 'cs' | 'ss' | 'ds' | 'fs' | 'gs'): number;
  setSeg(name: 'es' | 'ds' | 'fs' | 'gs', selector: number): void;
  /** Flags returned to the caller: carry (errors) and zero (keyboard "no key"). */
  setCarry(value: boolean): void;
  setZero(value: boolean): void;
  /** Enable or disable interrupts in the flags the caller gets back. */
  setInterruptFlag(value: boolean): void;
}

/** Physical memory as devices and the BIOS see it. */
export interface PhysicalMemory {
  readonly size: number;
  readonly ram: Uint8Array;
  read8(addr: number): number;
  write8(addr: number, value: number): void;
  read16(addr: number): number;
  write16(addr: number, value: number): void;
  read32(addr: number): number;
  write32(addr: number, value: number): void;
  /** Copies bytes into guest memory (disk reads); the CPU's decoded-code caches are told. */
  writeBytes(addr: number, bytes: Uint8Array): void;
  readBytes(addr: number, length: number): Uint8Array;
  /** Whether the A20 line is enabled (when not, bit 20 of every physical address is forced to 0). */
  a20: boolean;
}

/**
 * What a BIOS service asks of the CPU when it returns.
 * - nothing (undefined): return to the caller as IRET does, keeping CF/ZF/IF as the handler set them.
 * - 'retry': the service cannot finish yet (int 16h AH=00h with an empty keyboard buffer). The
 *   CPU must not return: it leaves CS:IP on the stub (the caller's IRET frame stays on the stack),
 *   sets IF=1 and waits as `hlt` does until an interrupt arrives (guest time jumps to the next
 *   timer event). The interrupt's own handler returns to the stub, which calls this service again.
 *   If no interrupt can ever arrive (nothing pending, no timer), the machine stops like `hlt` with
 *   interrupts off would.
 */
export type BiosHandlerResult = void | 'retry';

/** A BIOS service: runs when the guest executes `int vector` (or a hardware IRQ reaches the stub). */
export type BiosHandler = (regs: BiosRegisters, mem: PhysicalMemory) => BiosHandlerResult;

/**
 * Interrupt request lines as devices drive them (the PIC pair implements this). Requests are
 * edge-triggered: a request is latched when a line goes from low to high; `pulseIrq` is a rise
 * followed at once by a fall, which is how the timer and the keyboard announce an event.
 */
export interface InterruptLines {
  setIrq(irq: number, high: boolean): void;
  pulseIrq(irq: number): void;
}
