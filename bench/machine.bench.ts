// Emulator throughput: boot sectors of our own (assembled here with our assembler) that enter
// long mode with identity paging and run a long 64-bit loop, then write to the isa-debug-exit
// port 0xf4. Figures: guest instructions per second (the count read from cpu.icount), and,
// when qemu-system-x86_64 is installed, QEMU's (TCG) wall time for the same image with its
// start-up time (measured with an image that exits at once) subtracted, and our time / QEMU's.
// On a loaded host the figures move by tens of percent from run to run.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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
export const COMPUTE = `
  mov rbx, 0x80000
  mov qword [rbx + 8], 12345
  mov ecx, 30000000
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

/** Calls, returns, pushes and pops with loads and stores: 12 instructions a round. */
export const CALLS = `
  mov rbx, 0x80000
  mov qword [rbx], 7
  mov ecx, 20000000
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

const EXIT_AT_ONCE = '';

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

function qemuAvailable(): boolean {
  const r = spawnSync('qemu-system-x86_64', ['--version'], { encoding: 'utf8' });
  return r.status === 0;
}

/** Wall seconds of one QEMU run of the image (isa-debug-exit: the exit status is (code << 1) | 1). */
function runQemu(dir: string, name: string, image: Uint8Array): number {
  const file = join(dir, `${name}.img`);
  writeFileSync(file, image);
  const started = performance.now();
  const r = spawnSync('qemu-system-x86_64', [
    '-display', 'none', '-no-reboot',
    '-device', 'isa-debug-exit,iobase=0xf4,iosize=0x04',
    '-drive', `format=raw,file=${file}`,
  ], { encoding: 'utf8', timeout: 300_000 });
  const seconds = (performance.now() - started) / 1000;
  if (r.status !== 1) throw new Error(`qemu exited with ${r.status} (${r.signal ?? ''}): ${r.stderr}`);
  return seconds;
}

export default async function machineBench(): Promise<BenchResult[]> {
  const workloads = [
    { name: 'alu loop', image: bootSector(COMPUTE) },
    { name: 'call/push loop', image: bootSector(CALLS) },
  ];
  const rows: BenchResult[] = [];
  const qemu = qemuAvailable();
  const dir = mkdtempSync(join(tmpdir(), 'bootlab-bench-'));
  try {
    let startup = 0;
    if (qemu) {
      const tiny = bootSector(EXIT_AT_ONCE);
      runQemu(dir, 'tiny', tiny);
      const samples = [0, 1, 2].map(() => runQemu(dir, 'tiny', tiny));
      startup = Math.min(...samples);
      rows.push({ name: 'qemu start-up', value: startup, unit: 's' });
    }
    for (const w of workloads) {
      const ours = runOurs(w.image);
      rows.push({ name: `${w.name}: instructions`, value: ours.instructions, unit: 'insns' });
      rows.push({ name: `${w.name}: bootlab`, value: ours.instructions / ours.seconds / 1e6, unit: 'M insns/s' });
      rows.push({ name: `${w.name}: bootlab time`, value: ours.seconds, unit: 's' });
      // On a loaded host the process's CPU time says more than the wall time.
      rows.push({ name: `${w.name}: bootlab (per cpu second)`, value: ours.instructions / ours.cpuSeconds / 1e6, unit: 'M insns/s' });
      if (qemu) {
        // QEMU runs a fraction of a second: the best of three, less the start-up time.
        const name = w.name.replace(/\W+/g, '-');
        const best = Math.min(...[0, 1, 2].map(() => runQemu(dir, name, w.image)));
        const q = Math.max(1e-3, best - startup);
        rows.push({ name: `${w.name}: qemu time`, value: q, unit: 's' });
        rows.push({ name: `${w.name}: qemu`, value: ours.instructions / q / 1e6, unit: 'M insns/s' });
        rows.push({ name: `${w.name}: bootlab/qemu time`, value: ours.seconds / q, unit: 'x' });
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
