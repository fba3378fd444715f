// Emulator throughput. Two boot sectors of our own (assembled here with our assembler) enter
// long mode with identity paging and run a long 64-bit loop (register ALU work with a load and
// a store; push/call/ret/pop with loads and stores), then write to the isa-debug-exit port
// 0xf4; two Rust kernels (the post's kind, src/machine/testdata/rust-kernel, and the
// compute-bound bench/rust-work) show what compiler output gets. Figures: guest instructions
// per second (the count read from cpu.icount), best of two runs, by wall time and per second
// of the process's CPU time (on a shared host the latter is steadier). When
// qemu-system-x86_64 is installed: QEMU's (TCG) rate for the same loop, from the difference
// between two images that differ only in the round count (best of three each), so neither its
// start-up nor the boot counts, by wall time and by CPU time (bash's `time`), and our time
// per instruction over QEMU's, both ways. For the Rust work kernel QEMU's CPU time is its
// whole run less that of an image that exits at once: rougher.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assemble } from '../src/x86/asm/index.ts';
import { createMachine } from '../src/machine/machine.ts';
import type { BenchResult } from './run.ts';

/** Real mode -> protected mode -> long mode (2 MiB identity pages for the first 1 GiB), then `body`, then out 0xf4. */
export function bootSector(body: string): Uint8Array {
  const source = `
bits 16
org 0x7c00
  cli
  xor ax, ax
  mov ds, ax
  mov ss, ax
  mov sp, 0x7c00
  in al, 0x92
  or al, 2
  out 0x92, al
  lgdt [gdtr]
  mov eax, cr0
  or eax, 1
  mov cr0, eax
  jmp 0x08:pm32
bits 32
pm32:
  mov ax, 0x10
  mov ds, ax
  mov es, ax
  mov ss, ax
  mov edi, 0x10000
  mov ecx, 0x3000/4
  xor eax, eax
  rep stosd
  mov dword [0x10000], 0x11003
  mov dword [0x11000], 0x12003
  mov edi, 0x12000
  mov eax, 0x83
  mov ecx, 512
.pd:
  mov [edi], eax
  add eax, 0x200000
  add edi, 8
  dec ecx
  jnz .pd
  mov eax, cr4
  or eax, 1 << 5
  mov cr4, eax
  mov eax, 0x10000
  mov cr3, eax
  mov ecx, 0xc0000080
  rdmsr
  or eax, 1 << 8
  wrmsr
  mov eax, cr0
  or eax, 0x80000000
  mov cr0, eax
  jmp 0x18:lm64
bits 64
lm64:
  mov ax, 0x10
  mov ds, ax
  mov es, ax
  mov ss, ax
  mov rsp, 0x90000
${body}
  xor eax, eax
  out 0xf4, al
.stop:
  hlt
  jmp .stop
align 8
gdt:
  dq 0
  dq 0x00cf9a000000ffff
  dq 0x00cf92000000ffff
  dq 0x00209a0000000000
gdtr:
  dw gdtr - gdt - 1
  dd gdt
times 510 - ($ - $$) db 0
  dw 0xaa55
`;
  const r = assemble(source, { fileName: 'bench.asm', bits: 16, readFile: () => undefined });
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.bytes;
}

/** Register arithmetic with a load and a store per iteration: 10 instructions a round. */
export function computeLoop(rounds: number): string {
  return `
  mov rbx, 0x80000
  mov qword [rbx + 8], 12345
  mov ecx, ${rounds}
  xor eax, eax
  mov rdx, 0x9e3779b97f4a7c15
.loop:
  add rax, rcx
  xor rdx, rax
  shl rdx, 3
  mov [rbx], rax
  add rsi, [rbx + 8]
  sub rdi, rdx
  shr rax, 1
  or r8, rdi
  dec rcx
  jnz .loop
`;
}

/** Calls, returns, pushes and pops with loads and stores: 12 instructions a round. */
export function callLoop(rounds: number): string {
  return `
  mov rbx, 0x80000
  mov qword [rbx], 7
  mov ecx, ${rounds}
.loop:
  push rcx
  push rbx
  call work
  pop rbx
  pop rcx
  dec rcx
  jnz .loop
  jmp calls_done
work:
  mov rax, [rbx]
  add rax, rcx
  mov [rbx + 8], rax
  ret
calls_done:
`;
}

export const COMPUTE = computeLoop(30_000_000);
export const CALLS = callLoop(20_000_000);

interface OurRun { seconds: number; cpuSeconds: number; instructions: number }

function runOurs(image: Uint8Array): OurRun {
  const m = createMachine({ diskImage: image });
  const before = m.cpu.icount;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const stop = m.run();
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  if (stop.kind !== 'debug-exit') throw new Error(`the guest stopped with ${JSON.stringify(stop)}, not a debug exit`);
  return { seconds, cpuSeconds, instructions: m.cpu.icount - before };
}

/** Our best of `n` runs (the host is shared: the fastest run is the least disturbed one). */
function bestOfOurs(image: Uint8Array, n: number): OurRun {
  const runs = Array.from({ length: n }, () => runOurs(image));
  return {
    seconds: Math.min(...runs.map((r) => r.seconds)),
    cpuSeconds: Math.min(...runs.map((r) => r.cpuSeconds)),
    instructions: runs[0]!.instructions,
  };
}

function qemuAvailable(): boolean {
  const r = spawnSync('qemu-system-x86_64', ['--version'], { encoding: 'utf8' });
  return r.status === 0;
}

interface Timing { seconds: number; cpuSeconds: number }

/**
 * Wall and CPU seconds (user + system, all its threads, as bash's `time` reports them) of one
 * QEMU run of the image (isa-debug-exit: the exit status is (code << 1) | 1).
 */
function runQemu(dir: string, name: string, image: Uint8Array): Timing {
  const file = join(dir, `${name}.img`);
  writeFileSync(file, image);
  const started = performance.now();
  const r = spawnSync('bash', ['-c', 'TIMEFORMAT="%3U %3S"; time qemu-system-x86_64 "$@" 2>/dev/null; exit $?', 'bench',
    '-display', 'none', '-no-reboot',
    '-device', 'isa-debug-exit,iobase=0xf4,iosize=0x04',
    '-drive', `format=raw,file=${file}`,
  ], { encoding: 'utf8', timeout: 300_000 });
  const seconds = (performance.now() - started) / 1000;
  if (r.status !== 1 && r.status !== 33) throw new Error(`qemu exited with ${r.status} (${r.signal ?? ''}): ${r.stderr}`);
  const [user, sys] = r.stderr.trim().split(/\s+/).slice(-2).map(Number);
  return { seconds, cpuSeconds: (user ?? NaN) + (sys ?? NaN) };
}

function bestOfQemu(dir: string, name: string, image: Uint8Array, n = 3): Timing {
  const runs = Array.from({ length: n }, () => runQemu(dir, name, image));
  return { seconds: Math.min(...runs.map((t) => t.seconds)), cpuSeconds: Math.min(...runs.map((t) => t.cpuSeconds)) };
}

/** Guest instructions of one round of a loop, counted by our emulator (two short runs). */
function instructionsPerRound(loop: (rounds: number) => string): number {
  const count = (rounds: number) => runOurs(bootSector(loop(rounds))).instructions;
  return (count(2000) - count(1000)) / 1000;
}

const QEMU_ROUNDS = 8;

export default async function machineBench(): Promise<BenchResult[]> {
  const loops = [
    { name: 'alu loop', loop: computeLoop, rounds: 30_000_000 },
    { name: 'call/push loop', loop: callLoop, rounds: 20_000_000 },
  ];
  const rows: BenchResult[] = [];
  const qemu = qemuAvailable();
  const dir = mkdtempSync(join(tmpdir(), 'bootlab-bench-'));
  try {
    for (const w of loops) {
      const image = bootSector(w.loop(w.rounds));
      const ours = bestOfOurs(image, 2);
      rows.push({ name: `${w.name}: instructions`, value: ours.instructions, unit: 'insns' });
      rows.push({ name: `${w.name}: bootlab`, value: ours.instructions / ours.seconds / 1e6, unit: 'M insns/s' });
      // On a loaded host the process's CPU time says more than the wall time.
      rows.push({ name: `${w.name}: bootlab (per cpu second)`, value: ours.instructions / ours.cpuSeconds / 1e6, unit: 'M insns/s' });
      if (qemu) {
        // QEMU's time per round: two images that differ only in the round count (one with
        // QEMU_ROUNDS times more rounds, so that QEMU runs long enough to measure), best of
        // three each; the difference leaves out QEMU's start-up and the boot.
        const perRound = instructionsPerRound(w.loop);
        const name = w.name.replace(/\W+/g, '-');
        const short = bestOfQemu(dir, `${name}-short`, image);
        const long = bestOfQemu(dir, `${name}-long`, bootSector(w.loop(w.rounds * QEMU_ROUNDS)));
        const insns = (QEMU_ROUNDS - 1) * w.rounds * perRound;
        const perInsn = Math.max(1e-12, long.seconds - short.seconds) / insns;
        const perInsnCpu = Math.max(1e-12, long.cpuSeconds - short.cpuSeconds) / insns;
        rows.push({ name: `${w.name}: qemu`, value: 1 / perInsn / 1e6, unit: 'M insns/s' });
        rows.push({ name: `${w.name}: qemu (per cpu second)`, value: 1 / perInsnCpu / 1e6, unit: 'M insns/s' });
        rows.push({ name: `${w.name}: bootlab/qemu time`, value: ours.seconds / ours.instructions / perInsn, unit: 'x' });
        rows.push({ name: `${w.name}: bootlab/qemu cpu time`, value: ours.cpuSeconds / ours.instructions / perInsnCpu, unit: 'x' });
      }
    }
    // Rust compiler output: the post's kind of kernel (a few thousand instructions: the figure
    // is mostly start-up and compiling), and bench/rust-work, a compute-bound no_std kernel.
    const kernels = [
      { name: 'rust kernel (testdata)', file: new URL('../src/machine/testdata/rust-kernel/disk.img', import.meta.url) },
      { name: 'rust work kernel', file: new URL('./rust-work/disk.img', import.meta.url) },
    ];
    let startup: Timing = { seconds: 0, cpuSeconds: 0 };
    if (qemu) startup = bestOfQemu(dir, 'tiny', bootSector(''));
    for (const k of kernels) {
      const image = new Uint8Array(readFileSync(k.file));
      const ours = bestOfOurs(image, 2);
      rows.push({ name: `${k.name}: instructions`, value: ours.instructions, unit: 'insns' });
      rows.push({ name: `${k.name}: bootlab`, value: ours.instructions / ours.seconds / 1e6, unit: 'M insns/s' });
      rows.push({ name: `${k.name}: bootlab (per cpu second)`, value: ours.instructions / ours.cpuSeconds / 1e6, unit: 'M insns/s' });
      if (qemu && ours.instructions > 10_000_000) {
        // The whole run less QEMU's start-up (an image that exits at once): rough for short runs.
        // By CPU time only: QEMU runs this kernel in about a tenth of a second beyond its
        // start-up, which wall time on a shared host cannot resolve.
        const t = bestOfQemu(dir, k.name.replace(/\W+/g, '-'), image);
        const qc = Math.max(1e-3, t.cpuSeconds - startup.cpuSeconds);
        rows.push({ name: `${k.name}: qemu (per cpu second, rough)`, value: ours.instructions / qc / 1e6, unit: 'M insns/s' });
        rows.push({ name: `${k.name}: bootlab/qemu cpu time (rough)`, value: ours.cpuSeconds / qc, unit: 'x' });
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
