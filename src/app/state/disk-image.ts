// "Download disk image": the built image, to write onto a USB stick with dd and boot a real PC.
// Which file that is: the newest `target/**/bootimage-*.bin` (what `cargo bootimage` writes),
// else the image the screen's Power button boots (an uploaded or raw image).
import { vfs } from './project.ts';

const IMAGE = /\.(img|bin|iso|raw)$/i;
const BOOTIMAGE = /(^|\/)bootimage-[^/]*\.bin$/;
const BUILT = /^target\/(.+\/)?bootimage-[^/]*\.bin$/;

/** Write order of image files this session (the Vfs keeps no times): a higher number is newer. */
const written = new Map<string, number>();
let writes = 0;
vfs.subscribe((e) => {
  if (e.type === 'reset') written.clear();
  else if ((e.type === 'create' || e.type === 'change' || e.type === 'rename') && IMAGE.test(e.path)) written.set(e.path, ++writes);
});

/**
 * The disk image the Power button boots: a `bootimage-*.bin` (what `cargo bootimage` makes, and
 * what an uploaded kernel becomes) first, else the first image file in path order.
 */
export function pickBootImage(files: readonly string[]): string | null {
  const images = files.filter((p) => IMAGE.test(p));
  return images.find((p) => BOOTIMAGE.test(p)) ?? images[0] ?? null;
}

/**
 * The image to download: the newest `bootimage-*.bin` under `target/` by write order (files never
 * written this session, restored from a save, count as oldest, later paths winning ties), else
 * the one the screen boots.
 */
export function pickDownloadImage(files: readonly string[], writeOrder: ReadonlyMap<string, number>): string | null {
  const built = files.filter((p) => BUILT.test(p));
  if (built.length) return built.reduce((best, p) => ((writeOrder.get(p) ?? 0) >= (writeOrder.get(best) ?? 0) ? p : best));
  return pickBootImage(files);
}

export const bootableImage = (): string | null => pickBootImage(vfs.listFiles());

/** The file "Download disk image" gives, or null when the project holds no disk image. */
export const downloadableImage = (): string | null => pickDownloadImage(vfs.listFiles(), written);

/** The file's exact bytes, offered as a download under its own name. */
export function downloadDiskImage(): void {
  const path = downloadableImage();
  if (!path) return;
  const bytes = vfs.readBytes(path);
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'application/octet-stream' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = path.slice(path.lastIndexOf('/') + 1);
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
