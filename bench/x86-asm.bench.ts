// Assembler throughput: a generated program in the style of boot code and small kernels
// (labels, local labels, macros, forward jumps that need relaxation, data, memory operands)
// assembled end to end, several times after a warm-up; the figure is source lines per second.
import { assemble } from '../src/x86/asm/index.ts';
import type { BenchResult } from './run.ts';

function makeProgram(blocks: number): string {
  const lines = [
    'bits 64',
    'org 0x200000',
    '%macro save 0',
    '  push rbx',
    '  push r12',
    '%endmacro',
    '%macro restore 0',
    '  pop r12',
    '  pop rbx',
    '%endmacro',
  ];
  for (let i = 0; i < blocks; i++) {
    lines.push(
      `func${i}:`,
      '  save',
      `  mov eax, ${i * 7}`,
      '  xor ecx, ecx',
      '.loop:',
      '  add rax, [rbx+rcx*8+0x10]',
      '  lea rdx, [rel table]',
      '  cmp rcx, 100',
      `  jae func${(i + 1) % blocks}.done`,
      '  inc rcx',
      '  test al, 1',
      '  jz .loop',
      '  shl rax, 3',
      '  mov [rdx+rcx*4], eax',
      '  jmp .loop',
      '.done:',
      '  restore',
      '  ret',
    );
  }
  lines.push('table:', '  times 64 dd 0x12345678', 'msg: db "Hello World!", 0');
  return lines.join('\n') + '\n';
}

export default async function benchAssembler(): Promise<BenchResult[]> {
  const source = makeProgram(2000);
  const lineCount = source.split('\n').length;
  const opts = { fileName: 'bench.asm', readFile: () => undefined };
  const first = assemble(source, opts);
  if (!first.ok) throw new Error(`benchmark program does not assemble: ${first.errors.slice(0, 3).join('; ')}`);
  for (let i = 0; i < 2; i++) assemble(source, opts); // warm-up
  const runs = 5;
  const t0 = performance.now();
  for (let i = 0; i < runs; i++) assemble(source, opts);
  const seconds = (performance.now() - t0) / 1000;
  return [
    { name: 'assembler throughput', value: (lineCount * runs) / seconds, unit: 'lines/s' },
    { name: 'assembler program size', value: first.bytes.length, unit: 'bytes' },
  ];
}
