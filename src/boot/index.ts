// src/boot: Bootlab's BIOS bootloader (assembly source in asm/, assembled by src/x86) and the
// disk-image builder that puts it in front of a kernel's ELF file.
export { buildBootImage, type BootImageOptions, type BootImageResult } from './bootimage.ts';
export { assembleBootloader, bootloaderSource, SECTOR_SIZE } from './bootloader.ts';
export { checkKernelElf, type KernelCheck } from './kernel-check.ts';
export { BOOT_LAYOUT } from './asm/layout.ts';
export { BOOT_MESSAGES, type BootMessage } from './asm/messages.ts';
