// The checks `bootlab image` makes before it wraps a file: is it an ELF64 executable for
// x86-64 at all? (The bootloader repeats these checks, and the deeper ones about segments,
// on the guest, so an unchecked image still fails with a message on screen.)

export type KernelCheck = { ok: true } | { ok: false; message: string };

const EM_X86_64 = 62;
const ET_EXEC = 2;
const ET_DYN = 3;

export function checkKernelElf(file: Uint8Array): KernelCheck {
  const fail = (message: string): KernelCheck => ({ ok: false, message });
  if (file.length < 4 || file[0] !== 0x7f || file[1] !== 0x45 || file[2] !== 0x4c || file[3] !== 0x46) {
    return fail('not an ELF file (no 0x7f "ELF" magic at its start)');
  }
  if (file.length < 5) return fail('truncated ELF file (no ELF class byte)');
  const elfClass = file[4];
  if (elfClass === 1) return fail('a 32-bit ELF file (ELFCLASS32); the kernel must be ELF64 for x86-64');
  if (elfClass !== 2) return fail(`invalid ELF class ${elfClass} (expected 2, ELFCLASS64)`);
  if (file.length < 64) return fail(`truncated ELF file (${file.length} bytes; an ELF64 header takes 64)`);
  if (file[5] !== 1) return fail('a big-endian ELF file; x86-64 kernels are little-endian');
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const machine = view.getUint16(18, true);
  if (machine !== EM_X86_64) return fail(`an ELF file for machine ${machine}, not x86-64 (EM_X86_64 = 62)`);
  const type = view.getUint16(16, true);
  if (type === ET_DYN) return fail('a position-independent ELF file (ET_DYN); link the kernel as a static executable (ET_EXEC)');
  if (type !== ET_EXEC) return fail(`an ELF file of type ${type}, not an executable (ET_EXEC)`);
  if (file.length > 0xffff_ffff) return fail('the kernel file is larger than 4 GiB');
  return { ok: true };
}
