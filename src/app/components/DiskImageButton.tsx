// The toolbar's "Download disk image": enabled while the project holds one, and its title says
// which file it gives and what to do with it at home. Without an image it stays in the toolbar
// (aria-disabled, so it keeps its focus and its tooltip) and its title says how to get one.
import { useEffect, useReducer } from 'react';
import { downloadDiskImage, downloadableImage } from '../state/disk-image.ts';
import { vfs } from '../state/project.ts';
import { useApp } from '../state/store.ts';

export function DiskImageButton() {
  const ready = useApp((s) => s.ready);
  useApp((s) => s.files);
  // a rebuilt image changes which file is newest without changing the file list
  const [, refresh] = useReducer((n: number) => n + 1, 0);
  useEffect(() => vfs.subscribe(refresh), []);
  const path = ready ? downloadableImage() : null;
  const size = path ? vfs.stat(path).size : 0;
  const title = path
    ? `Download disk image: ${path} (${size.toLocaleString('en')} bytes). Write it to a USB stick with dd (dd if=${path.slice(path.lastIndexOf('/') + 1)} of=/dev/sdX bs=4M — sdX is the stick, and everything on it is erased) and boot a real PC from it.`
    : 'No disk image to download yet: cargo bootimage writes one to target/…/bootimage-*.bin, or upload one on the screen (Upload image).';
  return (
    <button
      type="button"
      className="icon-button"
      aria-label="Download disk image"
      aria-disabled={path ? undefined : true}
      title={title}
      onClick={() => {
        if (path) downloadDiskImage();
      }}
    >
      <span aria-hidden="true">⤓img</span>
    </button>
  );
}
