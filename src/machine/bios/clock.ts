// Time services: int 08h (IRQ 0, the 18.2 Hz timer tick) and int 1Ah (tick count and the RTC).
//
// The tick count lives in the BDA at 0x46C and wraps at midnight (0x1800B0 ticks), setting the
// midnight flag at 0x470 that AH=00h reports. RTC reads go to the CMOS through ports 0x70/0x71
// and wait for the update-in-progress bit to clear, as a BIOS must.
//
// The real int 08h also calls the user timer hook, int 1Ch. A TypeScript handler cannot call
// guest code, but it can arrange for the return to go there: when a guest has hooked 1Ch, the
// handler pushes a second IRET frame that enters the hook with interrupts off; the hook's own
// IRET then lands on the original frame and resumes the interrupted code.

import { pciBios } from './pci-bios.ts';
import type { BiosHandler, BiosRegisters, IoBus, PhysicalMemory } from '../types.ts';
import { BDA, TICKS_PER_DAY } from './bda.ts';
import type { BiosContext } from './context.ts';
import { BIOS_SEGMENT, stubOffset } from './layout.ts';

const USER_TIMER_HOOK = 0x1c;

/** Makes the stub's return enter the guest's int 1Ch handler first, if there is one. */
function chainUserTimerHook(regs: BiosRegisters, mem: PhysicalMemory): void {
  const offset = mem.read16(USER_TIMER_HOOK * 4);
  const segment = mem.read16(USER_TIMER_HOOK * 4 + 2);
  if (segment === BIOS_SEGMENT && offset === stubOffset(USER_TIMER_HOOK)) return; // not hooked
  const ssBase = regs.getSegBase('ss');
  const sp = regs.getReg16('sp');
  const flags = mem.read16(ssBase + ((sp + 4) & 0xffff));
  const newSp = (sp - 6) & 0xffff;
  mem.write16(ssBase + newSp, offset);
  mem.write16(ssBase + ((newSp + 2) & 0xffff), segment);
  mem.write16(ssBase + ((newSp + 4) & 0xffff), flags & ~0x0300); // IF and TF clear, as `int` leaves them
  regs.setReg16('sp', newSp);
  regs.setInterruptFlag(false);
}

function readCmos(io: IoBus, reg: number): number {
  io.out(0x70, 1, reg);
  return io.in(0x71, 1);
}

function writeCmos(io: IoBus, reg: number, value: number): void {
  io.out(0x70, 1, reg);
  io.out(0x71, 1, value);
}

/** True when the RTC is readable now. Without a running CPU time cannot pass here, so the
 *  caller gets CF=1 ("clock not operating"/"updating") rather than a spin. */
function rtcReady(io: IoBus): boolean {
  return (readCmos(io, 0x0a) & 0x80) === 0;
}

/** int 08h: the timer interrupt. */
export function createTimerIrqHandler(ctx: BiosContext): BiosHandler {
  return (regs, mem) => {
    let ticks = mem.read32(BDA.timerTicks) + 1;
    if (ticks >= TICKS_PER_DAY) {
      ticks = 0;
      mem.write8(BDA.timerOverflow, 1);
    }
    mem.write32(BDA.timerTicks, ticks);
    ctx.io.out(0x20, 1, 0x20);
    chainUserTimerHook(regs, mem);
  };
}

/** int 1Ah: time of day, and the PCI BIOS (AH=B1h, pci-bios.ts). */
export function createClockService(ctx: BiosContext): BiosHandler {
  const io = ctx.io;
  return (regs, mem) => {
    switch (regs.getReg8('ah')) {
      case 0x00: {
        const ticks = mem.read32(BDA.timerTicks);
        regs.setReg16('cx', ticks >>> 16);
        regs.setReg16('dx', ticks & 0xffff);
        regs.setReg8('al', mem.read8(BDA.timerOverflow));
        mem.write8(BDA.timerOverflow, 0);
        regs.setCarry(false);
        return;
      }
      case 0x01:
        mem.write32(BDA.timerTicks, ((regs.getReg16('cx') << 16) | regs.getReg16('dx')) >>> 0);
        mem.write8(BDA.timerOverflow, 0);
        regs.setCarry(false);
        return;
      case 0x02:
        if (!rtcReady(io)) break;
        regs.setReg8('ch', readCmos(io, 0x04));
        regs.setReg8('cl', readCmos(io, 0x02));
        regs.setReg8('dh', readCmos(io, 0x00));
        regs.setReg8('dl', readCmos(io, 0x0b) & 0x01); // daylight saving enable
        regs.setReg8('ah', 0);
        regs.setCarry(false);
        return;
      case 0x03:
        writeCmos(io, 0x04, regs.getReg8('ch'));
        writeCmos(io, 0x02, regs.getReg8('cl'));
        writeCmos(io, 0x00, regs.getReg8('dh'));
        regs.setReg8('ah', 0);
        regs.setCarry(false);
        return;
      case 0x04:
        if (!rtcReady(io)) break;
        regs.setReg8('ch', readCmos(io, 0x32));
        regs.setReg8('cl', readCmos(io, 0x09));
        regs.setReg8('dh', readCmos(io, 0x08));
        regs.setReg8('dl', readCmos(io, 0x07));
        regs.setReg8('ah', 0);
        regs.setCarry(false);
        return;
      case 0xb1:
        pciBios(regs, io);
        return;
      case 0x05:
        writeCmos(io, 0x32, regs.getReg8('ch'));
        writeCmos(io, 0x09, regs.getReg8('cl'));
        writeCmos(io, 0x08, regs.getReg8('dh'));
        writeCmos(io, 0x07, regs.getReg8('dl'));
        regs.setReg8('ah', 0);
        regs.setCarry(false);
        return;
      default:
        break;
    }
    regs.setCarry(true);
  };
}
