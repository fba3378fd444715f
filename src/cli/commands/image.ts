// bootlab image --kernel ELF -o IMG [--unchecked]
// Wraps an x86-64 ELF64 kernel (ours, or one built by real rustc/gcc) into a BIOS-bootable raw
// disk image with Bootlab's bootloader (src/boot). Exit status 0, or 1 with a message when the
// kernel cannot be read or is not an ELF64 x86-64 executable.
import { readFileSync, writeFileSync } from 'node:fs';
import { buildBootImage } from '../../boot/bootimage.ts';
import { parseCommandLine } from '../args.ts';
import { UsageError, type CliIO } from '../io.ts';

export function run(args: string[], io: CliIO): number {
  const { values, positionals } = parseCommandLine(args, {
    kernel: { type: 'string', short: 'k' },
    output: { type: 'string', short: 'o' },
    unchecked: { type: 'boolean' },
  });
  if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`);
  const kernelPath = values.kernel;
  if (kernelPath === undefined) throw new UsageError('no kernel (--kernel ELF)');
  const output = values.output;
  if (output === undefined) throw new UsageError('no output file (-o IMG)');

  let kernel: Uint8Array;
  try {
    kernel = new Uint8Array(readFileSync(kernelPath));
  } catch (e) {
    io.err(`bootlab image: error: cannot read kernel '${kernelPath}' (${(e as NodeJS.ErrnoException).code ?? String(e)})\n`);
    return 1;
  }
  const result = buildBootImage(kernel, { unchecked: values.unchecked === true });
  if (!result.ok) {
    io.err(`bootlab image: error: '${kernelPath}' is ${result.message}\n`);
    return 1;
  }
  try {
    writeFileSync(output, result.image);
  } catch (e) {
    io.err(`bootlab image: error: cannot write '${output}' (${(e as NodeJS.ErrnoException).code ?? String(e)})\n`);
    return 1;
  }
  return 0;
}
