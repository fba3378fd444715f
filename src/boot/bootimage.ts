// bootimage: the bootloader, then the kernel's ELF file byte for byte, padded with zeros to a
// whole number of sectors: one raw disk image that a BIOS boots (QEMU's SeaBIOS, Bootlab's
// machine, a PC from a USB stick). The output depends only on the kernel's bytes.
import { assembleBootloader, SECTOR_SIZE } from './bootloader.ts';
import { checkKernelElf } from './kernel-check.ts';

/** The file is read to 1 MiB in one piece, below the PCI hole under 4 GiB. */
export const MAX_KERNEL_BYTES = 1 << 30;

export interface BootImageOptions {
  /**
   * Skip the ELF64/x86-64 header checks (default false). The bootloader checks again on the
   * guest; tests use this to see its messages for bad kernels.
   */
  unchecked?: boolean;
}

export type BootImageResult = { ok: true; image: Uint8Array; bootloaderBytes: number } | { ok: false; message: string };

export function buildBootImage(kernel: Uint8Array, opts: BootImageOptions = {}): BootImageResult {
  if (!opts.unchecked) {
    const check = checkKernelElf(kernel);
    if (!check.ok) return check;
  }
  if (kernel.length > MAX_KERNEL_BYTES) {
    return { ok: false, message: `too large: ${kernel.length} bytes (the bootloader loads kernel files of up to 1 GiB)` };
  }
  const bootloader = assembleBootloader(kernel.length);
  const kernelBytes = Math.ceil(kernel.length / SECTOR_SIZE) * SECTOR_SIZE;
  const image = new Uint8Array(bootloader.length + kernelBytes);
  image.set(bootloader, 0);
  image.set(kernel, bootloader.length);
  return { ok: true, image, bootloaderBytes: bootloader.length };
}
