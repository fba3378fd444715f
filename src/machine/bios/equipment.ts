// int 11h (equipment list) and int 12h (conventional memory size): both just report BDA words
// that power-on filled in, so a guest that edits the BDA sees its own values back, as on a PC.

import type { BiosHandler } from '../types.ts';
import { BDA } from './bda.ts';

export const equipmentService: BiosHandler = (regs, mem) => {
  regs.setReg16('ax', mem.read16(BDA.equipment));
};

export const memorySizeService: BiosHandler = (regs, mem) => {
  regs.setReg16('ax', mem.read16(BDA.memorySizeKiB));
};
