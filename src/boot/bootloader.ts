// Bootlab's BIOS bootloader, assembled by Bootlab's own assembler when an image is built: the
// parts under asm/ joined in the order they sit on disk (stage 1 must be first and fill
// exactly one sector), with the kernel file's size given as KERNEL_SIZE. Everything the
// bootloader needs to know about its disk (where the kernel starts, how many sectors to read,
// the partition entry) follows from that size and from its own length.
import { assemble } from '../x86/asm/index.ts';
import { BOOT_LAYOUT, layoutAsm } from './asm/layout.ts';
import { chsMacroAsm, stage1Asm } from './asm/stage1.ts';
import { stage2RealAsm } from './asm/stage2-real.ts';
import { modeSwitchAsm } from './asm/mode-switch.ts';
import { elfLoaderAsm } from './asm/elf-loader.ts';
import { messagesAsm } from './asm/messages.ts';

export const SECTOR_SIZE = 512;

/** The bootloader must end below the bounce buffer it reads the kernel into. */
const MAX_BOOTLOADER_BYTES = BOOT_LAYOUT.bounceBuffer - BOOT_LAYOUT.stage1;

const trailerAsm = `
; ================= end of the bootloader; the kernel's ELF file follows =================
    times (512 - ($ - $$) % 512) % 512 db 0
bootloader_end:
KERNEL_LBA     equ (bootloader_end - $$) / 512
STAGE2_SECTORS equ KERNEL_LBA - 1
KERNEL_SECTORS equ (KERNEL_SIZE + 511) / 512
TOTAL_SECTORS  equ KERNEL_LBA + KERNEL_SECTORS
`;

/** The whole bootloader as one NASM source, for a kernel file of `kernelSize` bytes. */
export function bootloaderSource(kernelSize: number): string {
  if (!Number.isSafeInteger(kernelSize) || kernelSize < 0 || kernelSize > 0xffff_ffff) {
    throw new RangeError(`kernel size ${kernelSize} is not a byte count below 4 GiB`);
  }
  return [
    '; Bootlab BIOS bootloader (generated from src/boot/asm/*.ts)',
    `KERNEL_SIZE equ ${kernelSize}`,
    layoutAsm,
    chsMacroAsm,
    stage1Asm,
    stage2RealAsm,
    modeSwitchAsm,
    elfLoaderAsm,
    messagesAsm,
    trailerAsm,
  ].join('\n');
}

/** Assembles the bootloader; its length is a whole number of sectors. Throws on an assembler error. */
export function assembleBootloader(kernelSize: number): Uint8Array {
  const result = assemble(bootloaderSource(kernelSize), {
    fileName: 'bootloader.asm',
    bits: 16,
    readFile: () => undefined,
  });
  if (!result.ok) throw new Error(`the bootloader does not assemble:\n${result.errors.join('\n')}`);
  const bytes = result.bytes;
  if (bytes.length % SECTOR_SIZE !== 0 || bytes.length > MAX_BOOTLOADER_BYTES) {
    throw new Error(`the bootloader is ${bytes.length} bytes; it must be whole sectors below ${MAX_BOOTLOADER_BYTES} bytes`);
  }
  return bytes;
}
