// Disk geometry: how a BIOS maps cylinder/head/sector addresses onto a linear sector number.
//
// Hard disks follow what QEMU and SeaBIOS do, so CHS reads resolve to the same sectors in both
// emulators: the drive's own geometry is 16 heads × 63 sectors per track with
// floor(sectors / 1008) cylinders, clamped to 2..16383 (a tail smaller than a cylinder is out of
// CHS reach); when that exceeds 1024 cylinders the BIOS presents an "LBA-translated" logical
// geometry with more heads (32, 64, 128 or 255) so that int 13h's 10-bit cylinder field can
// address more of the disk. Floppy images of the standard sizes get their real format; other
// small images fall back to the 1.44 MB layout.

export const SECTOR_SIZE = 512;

export interface DiskGeometry {
  cylinders: number;
  heads: number;
  sectorsPerTrack: number;
}

/** Floppy formats by image size in bytes. */
const FLOPPY_FORMATS: [number, DiskGeometry][] = [
  [160 * 1024, { cylinders: 40, heads: 1, sectorsPerTrack: 8 }],
  [180 * 1024, { cylinders: 40, heads: 1, sectorsPerTrack: 9 }],
  [320 * 1024, { cylinders: 40, heads: 2, sectorsPerTrack: 8 }],
  [360 * 1024, { cylinders: 40, heads: 2, sectorsPerTrack: 9 }],
  [720 * 1024, { cylinders: 80, heads: 2, sectorsPerTrack: 9 }],
  [1200 * 1024, { cylinders: 80, heads: 2, sectorsPerTrack: 15 }],
  [1440 * 1024, { cylinders: 80, heads: 2, sectorsPerTrack: 18 }],
  [2880 * 1024, { cylinders: 80, heads: 2, sectorsPerTrack: 36 }],
];

/** The geometry the drive itself reports (int 13h AH=48h). */
export function hardDiskPhysicalGeometry(totalSectors: number): DiskGeometry {
  const heads = 16;
  const sectorsPerTrack = 63;
  const cylinders = Math.min(16383, Math.max(2, Math.floor(totalSectors / (heads * sectorsPerTrack))));
  return { cylinders, heads, sectorsPerTrack };
}

/** The geometry the BIOS uses for CHS calls (int 13h AH=02h/03h/08h). */
export function hardDiskGeometry(totalSectors: number): DiskGeometry {
  const physical = hardDiskPhysicalGeometry(totalSectors);
  if (physical.cylinders <= 1024) return physical;
  const sectorsPerTrack = 63;
  if (totalSectors > 1024 * 255 * 63) return { cylinders: 1024, heads: 255, sectorsPerTrack };
  const tracks = Math.floor(totalSectors / sectorsPerTrack);
  const wanted = Math.floor(tracks / 1024);
  const heads = wanted > 128 ? 255 : wanted > 64 ? 128 : wanted > 32 ? 64 : wanted > 16 ? 32 : 16;
  return { cylinders: Math.floor(tracks / heads), heads, sectorsPerTrack };
}

export function floppyGeometry(imageBytes: number): DiskGeometry {
  for (const [size, geometry] of FLOPPY_FORMATS) if (imageBytes <= size) return geometry;
  return FLOPPY_FORMATS[FLOPPY_FORMATS.length - 1]![1];
}

/** Linear sector number of a CHS address (sectors count from 1), or -1 if outside the geometry. */
export function chsToLba(g: DiskGeometry, cylinder: number, head: number, sector: number): number {
  if (sector < 1 || sector > g.sectorsPerTrack || head >= g.heads || cylinder >= g.cylinders) return -1;
  return (cylinder * g.heads + head) * g.sectorsPerTrack + (sector - 1);
}

export function lbaToChs(g: DiskGeometry, lba: number): { cylinder: number; head: number; sector: number } {
  const sector = (lba % g.sectorsPerTrack) + 1;
  const track = Math.floor(lba / g.sectorsPerTrack);
  return { cylinder: Math.floor(track / g.heads), head: track % g.heads, sector };
}

/** Decodes int 13h's packed CX: CL bits 0–5 = sector, CL bits 6–7 and CH = 10-bit cylinder. */
export function unpackChsRegisters(cx: number): { cylinder: number; sector: number } {
  const cl = cx & 0xff;
  const ch = cx >> 8;
  return { cylinder: ch | ((cl & 0xc0) << 2), sector: cl & 0x3f };
}

/** Packs a cylinder and sector into int 13h's CX layout. */
export function packChsRegisters(cylinder: number, sector: number): number {
  return ((cylinder & 0xff) << 8) | ((cylinder >> 2) & 0xc0) | (sector & 0x3f);
}
