// What an instruction defines and reads, for the release passes (optimize.ts, value-numbering.ts):
// the values it assigns, and a copy of it with each operand mapped.
import type { Inst, Operand } from './types.ts';

/** The values an instruction assigns. */
export function defsOf(i: Inst): number[] {
  switch (i.op) {
    case 'store': case 'out': case 'hlt': return [];
    case 'checked': return [i.dst, i.overflow];
    case 'call': case 'callIndirect': return i.dst === undefined ? [] : [i.dst];
    default: return [i.dst];
  }
}

/** The instruction with every operand replaced by `f(operand)`. */
export function mapOperands(i: Inst, f: (o: Operand) => Operand): Inst {
  switch (i.op) {
    case 'copy': return { ...i, src: f(i.src) };
    case 'binary': case 'checked': case 'compare': return { ...i, a: f(i.a), b: f(i.b) };
    case 'unary': return { ...i, a: f(i.a) };
    case 'cast': return { ...i, src: f(i.src) };
    case 'load': return { ...i, addr: f(i.addr) };
    case 'store': return { ...i, addr: f(i.addr), value: f(i.value) };
    case 'ptrAdd': return { ...i, base: f(i.base), ...(i.index && { index: f(i.index) }) };
    case 'call': return { ...i, args: i.args.map(f) };
    case 'callIndirect': return { ...i, callee: f(i.callee), args: i.args.map(f) };
    case 'out': return { ...i, port: f(i.port), value: f(i.value) };
    case 'in': return { ...i, port: f(i.port) };
    default: return i;
  }
}
