// Hot decoded blocks compiled to JavaScript functions. A compiled block does exactly what the
// interpreter loop in cpu.ts does for the same records (RIP and the instruction count after
// each instruction, the exit flag), unrolled; it runs only when the instruction budget covers
// the whole block (otherwise the interpreter runs it). Each instruction's
// execution function is called from its own call site, which stays monomorphic, so the
// JavaScript engine can inline it. This is the first step of block compilation; later steps
// can emit the operations themselves instead of calls.
import type { CpuState } from './state.ts';
import type { Insn } from './decoder.ts';

/** Runs the whole block; the caller makes sure the instruction budget allows all of it. */
export type CompiledBlock = (c: CpuState) => void;

/** Whether the host allows generating code (a Worker under a strict CSP may not). */
let allowed: boolean | null = null;
function canCompile(): boolean {
  if (allowed === null) {
    try { allowed = new Function('return 1')() === 1; } catch { allowed = false; }
  }
  return allowed;
}

export function compileBlock(insns: readonly Insn[], computeEA: (c: CpuState, i: Insn) => void): CompiledBlock | null {
  if (!canCompile() || insns.length === 0) return null;
  const names: string[] = ['EA'];
  const values: unknown[] = [computeEA];
  let body = 'c.exitBlock = false;\n';
  insns.forEach((i, k) => {
    names.push(`i${k}`, `f${k}`);
    values.push(i, i.fn);
    body += `c.nextRip = c.rip + ${i.len};\n`;
    if (i.ea) body += `EA(c, i${k});\n`;
    body += `f${k}(c, i${k});\nc.rip = c.nextRip;\nc.icount++;\n`;
    if (k < insns.length - 1) body += 'if (c.exitBlock) return;\n';
  });
  const factory = new Function(...names, `return function block(c) {\n${body}};`) as (...a: unknown[]) => CompiledBlock;
  return factory(...values);
}
