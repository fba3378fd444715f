// Files dropped on the screen or chosen with "Upload image": a disk image goes into the project
// and boots at once (through the shell, so the terminal shows the command); an ELF kernel goes
// into the project too, and is put behind Bootlab's bootloader (src/boot, what `cargo
// bootimage` does) into `bootimage-NAME.bin`, which then boots.
import { compilerHost } from '../../toolchain/cargo/compilerHost.ts';
import { checkNewPath } from '../../toolchain/vfs.ts';
import { vfs } from './project.ts';
import { bootCommand, runCommand } from './shell.ts';
import { print } from './store.ts';

/** Largest file taken (the PC's disk is in memory, and so is the project). */
export const MAX_UPLOAD_BYTES = 64 * 1024 * 1024;

export function isElf(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x7f && bytes[1] === 0x45 && bytes[2] === 0x4c && bytes[3] === 0x46;
}

/** A project path for an uploaded file: its name, made safe, not over a directory. */
function uploadPath(name: string): string {
  let base = name.replace(/[\\/]/g, '_').replace(/^\.+/, '') || 'upload.img';
  if (checkNewPath(base) !== null) base = 'upload.img';
  return vfs.isDir(base) ? `${base}.img` : base;
}

export async function uploadFile(file: File): Promise<void> {
  if (file.size > MAX_UPLOAD_BYTES) {
    print(`${file.name}: too large to upload (${(file.size / 1048576).toFixed(1)} MiB; the limit is ${MAX_UPLOAD_BYTES / 1048576} MiB).`, 'error');
    return;
  }
  if (file.size === 0) {
    print(`${file.name}: the file is empty.`, 'error');
    return;
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  const path = uploadPath(file.name);
  vfs.writeFile(path, bytes);
  if (isElf(bytes)) {
    print(`Uploaded ${path} (${bytes.length} bytes): an ELF kernel.`, 'info');
    // The bootloader is assembled in the compiler Worker (a long task for the page's thread),
    // whose chunk with the assembler is loaded on first use.
    const result = await compilerHost().bootImage(bytes);
    if (!result.ok) {
      print(`${path}: ${result.message}`, 'error');
      return;
    }
    const stem = path.replace(/\.[^.]*$/, '') || 'kernel';
    const imagePath = `bootimage-${stem}.bin`;
    vfs.writeFile(imagePath, result.image);
    print(`Wrapped it into the disk image ${imagePath}: Bootlab's bootloader (${result.bootloaderBytes} bytes), then the kernel.`, 'info');
    await runCommand(bootCommand(imagePath));
    return;
  }
  print(`Uploaded ${path} (${bytes.length} bytes).`, 'info');
  await runCommand(bootCommand(path));
}
