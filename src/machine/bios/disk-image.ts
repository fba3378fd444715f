// A disk as the BIOS sees it: a raw image held in memory, addressed in 512-byte sectors.
// Writes change the in-memory image only (the host decides whether to keep it).

import { floppyGeometry, hardDiskGeometry, hardDiskPhysicalGeometry, SECTOR_SIZE, type DiskGeometry } from './geometry.ts';

export type DiskKind = 'hard-disk' | 'floppy';

export interface Disk {
  readonly kind: DiskKind;
  /** The image, padded with zeros to a whole number of sectors. */
  readonly data: Uint8Array;
  readonly totalSectors: number;
  /** Logical geometry: what CHS calls use. */
  readonly geometry: DiskGeometry;
  /** The drive's own geometry (differs from `geometry` only for translated large disks). */
  readonly physicalGeometry: DiskGeometry;
  /** The bytes of `count` sectors from `lba` (a view, not a copy), or null if any is past the end. */
  read(lba: number, count: number): Uint8Array | null;
  /** Overwrites sectors from `lba`; false (and nothing written) if any is past the end. */
  write(lba: number, bytes: Uint8Array): boolean;
}

export function createDisk(image: Uint8Array, kind: DiskKind = 'hard-disk'): Disk {
  const totalSectors = Math.ceil(image.length / SECTOR_SIZE);
  // A partial last sector reads as if the rest were zeros (bootimage pads, hand-made images may not).
  let data = image;
  if (image.length !== totalSectors * SECTOR_SIZE) {
    data = new Uint8Array(totalSectors * SECTOR_SIZE);
    data.set(image);
  }
  const geometry = kind === 'floppy' ? floppyGeometry(image.length) : hardDiskGeometry(totalSectors);
  const physicalGeometry = kind === 'floppy' ? geometry : hardDiskPhysicalGeometry(totalSectors);
  const inRange = (lba: number, count: number): boolean => Number.isInteger(lba) && lba >= 0 && count >= 0 && lba + count <= totalSectors;
  return {
    kind,
    data,
    totalSectors,
    geometry,
    physicalGeometry,
    read(lba, count) {
      return inRange(lba, count) ? data.subarray(lba * SECTOR_SIZE, (lba + count) * SECTOR_SIZE) : null;
    },
    write(lba, bytes) {
      const count = Math.ceil(bytes.length / SECTOR_SIZE);
      if (!inRange(lba, count)) return false;
      data.set(bytes, lba * SECTOR_SIZE);
      return true;
    },
  };
}
