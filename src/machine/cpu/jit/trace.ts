// Traces: a hot block and the blocks that follow it through jmp rel, call rel and the ret
// that returns to a call of the trace, compiled into one function (compile.ts compileTrace).
// The successors are those the dispatcher linked (Block.next in cpu.ts, valid for one TLB
// epoch, CPL and A20 state); the trace is valid under the same conditions, checked once at
// its entry. A trace whose last jump goes back to its start is a loop.
import type { Insn } from '../decoder.ts';
import type { TraceStep } from '../compile.ts';
import { isRelJump, shapeOf } from './shapes.ts';

/** What the trace builder needs of a decoded block (cpu.ts Block). */
export interface LinkedBlock {
  readonly insns: readonly Insn[];
  readonly valid: boolean;
  readonly bits: number;
  readonly next: LinkedBlock | null;
  readonly nextLin: number;
  readonly nextEpoch: number;
  readonly nextCpl: number;
  readonly nextA20: boolean;
}

export interface Trace<B extends LinkedBlock> { steps: TraceStep[]; blocks: B[] }

const MAX_BLOCKS = 12;
const MAX_INSNS = 320;

/**
 * The trace that starts with `head` at linear address `lin` (64-bit code only), or null when
 * it would be the block alone.
 */
export function buildTrace<B extends LinkedBlock>(head: B, lin: number, epoch: number, cpl: number, a20: boolean): Trace<B> | null {
  if (head.bits !== 64) return null;
  const steps: TraceStep[] = [];
  const blocks: B[] = [];
  const returns: number[] = [];
  let b = head, at = lin;
  for (;;) {
    blocks.push(b);
    let off = at - lin;
    b.insns.forEach((insn, k) => { steps.push({ insn, off, blockLen: k === 0 ? b.insns.length : 0 }); off += insn.len; });
    const last = b.insns[b.insns.length - 1]!;
    const after = lin + off;
    let target: number;
    const s = shapeOf(last);
    if (isRelJump(last)) {
      target = after + last.imm;
      if (last.form.mnemonic !== 'jmp') {
        // A jcc: a loop when it jumps to the start; else the trace follows the way it went last
        // time (the link), leaving where the condition says otherwise.
        if (target !== lin) {
          if (b.nextLin === after) target = after;
          else if (b.nextLin !== target) break;
          steps[steps.length - 1]!.taken = target !== after;
        }
      }
    } else if (s !== null && s.op === 'call') {
      target = after + last.imm;
      returns.push(after);
    } else if (s !== null && s.op === 'ret' && returns.length > 0) {
      target = returns.pop()!;
    } else if (!last.ends && !last.invalid) {
      target = after;                                  // a block cut by its size or a page end
    } else break;
    if (target === lin) {
      // Back at the start: a loop when a jump's taken way leads there. Otherwise (a ret or a
      // fall-through to the start) the trace would leave at every round, ahead of the loop
      // that another block's trace makes of the same code: no trace.
      if (isRelJump(last) && after + last.imm === lin) break;
      return null;
    }
    if (blocks.length >= MAX_BLOCKS || steps.length >= MAX_INSNS) break;
    const n = b.next as B | null;
    if (n === null || !n.valid || n.bits !== 64 || b.nextLin !== target || b.nextEpoch !== epoch || b.nextCpl !== cpl || b.nextA20 !== a20) break;
    if (steps.length + n.insns.length > MAX_INSNS) break;
    b = n;
    at = target;
  }
  return blocks.length > 1 ? { steps, blocks } : null;
}
