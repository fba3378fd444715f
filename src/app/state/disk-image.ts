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
export function bootableImage(): string | null {
  const images = vfs.listFiles().filter((p) => IMAGE.test(p));
  return images.find((p) => BOOTIMAGE.test(p)) ?? images[0] ?? null;
}

/** The file "Download disk image" gives, or null when the project holds no disk image. */
export function downloadableImage(): string | null {
  const built = vfs.listFiles().filter((p) => BUILT.test(p));
  if (built.length) {
    // newest write wins; files restored from a save (never written this session) by path order
    return built.reduce((best, p) => ((written.get(p) ?? 0) >= (written.get(best) ?? 0) ? p : best));
  }
  return bootableImage();
}

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
