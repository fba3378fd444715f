// The generated-code benchmark's harness: every kernel in bench/kernels/ declares
//   extern "C" { fn bench_rounds() -> u32; fn bench_exit(result: u64) -> !; }
// and both come from a small object assembled here (src/x86's assembler) and linked into the
// kernel, whoever compiled it. Each kernel is linked twice, with 0 rounds and with R rounds;
// the difference of the two instruction counts (the machine's clock: one instruction per ns)
// is the work of R rounds, with the boot and the set-up subtracted exactly, because both
// images differ only in one immediate.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assemble } from '../../src/x86/asm/index.ts';
import { ObjectBuilder } from '../../src/link/object-builder.ts';
import type { ObjectFile } from '../../src/link/object.ts';
import { STB_GLOBAL, STB_WEAK } from '../../src/link/elf/constants.ts';
import { writeElfObject } from '../../src/link/elf/object-writer.ts';
import { link } from '../../src/link/link.ts';
import { buildBootImage } from '../../src/boot/bootimage.ts';
import { createMachine } from '../../src/machine/machine.ts';

/** Where bench_exit leaves the kernel's result (the first VGA cells: identity-mapped). */
export const RESULT_ADDRESS = 0xb8000;

// The memory functions rustc's code calls (array initialisation, copies) and that a freestanding
// kernel gets from compiler_builtins' `mem` feature; weak, so a compiler_builtins that defines
// them wins. Byte-wise `rep` forms: the same cost whoever calls them.
const MEM_FUNCTIONS: Record<string, string> = {
  memset: 'mov r9, rdi\nmov eax, esi\nmov rcx, rdx\nrep stosb\nmov rax, r9\nret',
  memcpy: 'mov rax, rdi\nmov rcx, rdx\nrep movsb\nret',
  memmove: 'mov rax, rdi\nmov rcx, rdx\ncmp rdi, rsi\njbe fwd\nlea r8, [rsi+rdx]\ncmp rdi, r8\njae fwd\nlea rsi, [rsi+rdx-1]\nlea rdi, [rdi+rdx-1]\nstd\nrep movsb\ncld\nret\nfwd: rep movsb\nret',
  memcmp: 'xor eax, eax\ntest rdx, rdx\njz done\nnext: movzx eax, byte [rdi]\nmovzx ecx, byte [rsi]\nsub eax, ecx\njnz done\ninc rdi\ninc rsi\ndec rdx\njnz next\ndone: ret',
};

function code(src: string): Uint8Array {
  const r = assemble(src, { fileName: 'harness.asm', bits: 64, readFile: () => undefined });
  if (!r.ok) throw new Error(`harness: ${r.errors.join('\n')}`);
  return r.bytes;
}

/** The harness object: bench_rounds returns `rounds`; bench_exit stores its argument and exits. */
export function harnessObject(rounds: number): ObjectFile {
  const functions: [string, string, number][] = [
    ['bench_rounds', `mov eax, ${rounds}\nret`, STB_GLOBAL],
    ['bench_exit', `mov eax, ${RESULT_ADDRESS}\nmov [rax], rdi\nmov dx, 0xf4\nmov eax, 0x10\nout dx, eax\nstop: hlt\njmp stop`, STB_GLOBAL],
    ...Object.entries(MEM_FUNCTIONS).map(([name, src]): [string, string, number] => [name, src, STB_WEAK]),
  ];
  const b = new ObjectBuilder('harness.o', 'harness.asm');
  for (const [name, src, binding] of functions) {
    const bytes = code(src);
    b.section(`.text.${name}`, { data: bytes, align: 16 }).symbol(name, { section: `.text.${name}`, size: bytes.length, binding });
  }
  return b.build();
}

export interface Measured { instructions: number; result: bigint }

/** Boots a kernel ELF behind our bootloader and runs it to bench_exit. */
export function runKernel(elf: Uint8Array, budget = 2_000_000_000): { ns: number; result: bigint } {
  const image = buildBootImage(elf);
  if (!image.ok) throw new Error(image.message);
  const m = createMachine({ diskImage: image.image });
  for (;;) {
    const s = m.run({ maxInstructions: 50_000_000 });
    if (s.kind === 'debug-exit') break;
    if (s.kind !== 'slice') throw new Error(`kernel stopped: ${s.kind}`);
    if (m.cpu.nowNs > budget) throw new Error('kernel did not reach bench_exit within the budget');
  }
  return { ns: m.cpu.nowNs, result: BigInt(m.mem.read32(RESULT_ADDRESS)) | (BigInt(m.mem.read32(RESULT_ADDRESS + 4)) << 32n) };
}

/** Instructions of `rounds` rounds: a link with R rounds minus the same link with none. */
export function measure(linkWith: (harness: ObjectFile) => Uint8Array, rounds: number): Measured {
  const base = runKernel(linkWith(harnessObject(0)));
  const full = runKernel(linkWith(harnessObject(rounds)));
  return { instructions: full.ns - base.ns, result: full.result };
}

/** Links our objects with the harness (entry _start, unused sections dropped). */
export function linkOurs(objects: ObjectFile[]): (harness: ObjectFile) => Uint8Array {
  return (harness) => {
    const r = link([...objects, harness], { entry: '_start', gcSections: true });
    if (!r.ok) throw new Error(`link failed:\n${r.stderr}`);
    return r.bytes!;
  };
}

/** The host's rustc, or undefined when there is none. */
export function hostRustc(): { sysroot: string; lld: string } | undefined {
  try {
    const sysroot = execFileSync('rustc', ['--print', 'sysroot'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return { sysroot, lld: join(sysroot, 'lib/rustlib/x86_64-unknown-linux-gnu/bin/rust-lld') };
  } catch {
    return undefined;
  }
}

/**
 * Builds a kernel with the host's rustc (as codegen's oracle tests do: x86_64-unknown-linux-gnu
 * with SSE off, panic=abort, static, linked by rust-lld at 0x200000) and the harness object.
 */
export function linkRustc(source: string, optLevel: 0 | 3): (harness: ObjectFile) => Uint8Array {
  const rustc = hostRustc();
  if (!rustc) throw new Error('needs rustc');
  return (harness) => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-codegen-'));
    try {
      writeFileSync(join(dir, 'main.rs'), source);
      writeFileSync(join(dir, 'harness.o'), writeElfObject(harness));
      execFileSync('rustc', [
        '--edition', '2021', '--crate-type', 'bin', '-C', 'panic=abort', '-C', `opt-level=${optLevel}`, '-C', 'relocation-model=static',
        '-C', 'target-feature=-sse,-sse2,-mmx,+soft-float', '-C', `linker=${rustc.lld}`, '-C', 'linker-flavor=ld.lld',
        '-C', 'link-arg=-static', '-C', 'link-arg=-nostdlib', '-C', 'link-arg=-e_start', '-C', 'link-arg=--image-base=0x200000',
        '-C', 'link-arg=--defsym=rust_eh_personality=0', '-C', `link-arg=${join(dir, 'harness.o')}`, '-C', 'link-arg=--gc-sections',
        join(dir, 'main.rs'), '-o', join(dir, 'kernel'),
      ], { stdio: 'pipe' });
      return readFileSync(join(dir, 'kernel'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
}
