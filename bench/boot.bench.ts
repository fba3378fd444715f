// bootimage: the time to wrap the post's kernel (src/boot/testdata/post-kernel/kernel-O0.elf,
// built from the post's main.rs by build.sh beside it) into a bootable disk image, which
// assembles the whole bootloader with our assembler each time. Also how long the image takes
// to boot to "Hello World!" in Bootlab's machine, in guest instructions and host time.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildBootImage } from '../src/boot/bootimage.ts';
import { createMachine } from '../src/machine/machine.ts';
import type { BenchResult } from './run.ts';

export default async function benchBootImage(): Promise<BenchResult[]> {
  const kernelPath = join(import.meta.dirname, '..', 'src', 'boot', 'testdata', 'post-kernel', 'kernel-O0.elf');
  const kernel = new Uint8Array(readFileSync(kernelPath));
  const build = () => {
    const result = buildBootImage(kernel);
    if (!result.ok) throw new Error(`the post's kernel was rejected: ${result.message}`);
    return result;
  };
  const tCold = performance.now();
  const first = build();
  const coldMs = performance.now() - tCold;
  for (let i = 0; i < 3; i++) build(); // warm-up
  const runs = 20;
  const t0 = performance.now();
  for (let i = 0; i < runs; i++) build();
  const warmMs = (performance.now() - t0) / runs;

  const machine = createMachine({ diskImage: first.image });
  const t1 = performance.now();
  let instructions = 0;
  while (!machine.screenText().includes('Hello World!') && instructions < 200_000_000) {
    machine.run({ maxInstructions: 100_000 });
    instructions += 100_000;
  }
  const bootMs = performance.now() - t1;
  return [
    { name: 'image build, post kernel (first)', value: coldMs, unit: 'ms' },
    { name: 'image build, post kernel (warm)', value: warmMs, unit: 'ms' },
    { name: 'image size', value: first.image.length, unit: 'bytes' },
    { name: 'bootloader size', value: first.bootloaderBytes, unit: 'bytes' },
    { name: 'boot to Hello World! (Bootlab)', value: bootMs, unit: 'ms' },
    { name: 'guest instructions to Hello World! (in steps of 100k)', value: instructions, unit: 'insns' },
  ];
}
