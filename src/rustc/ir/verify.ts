// Checks the shape and types of IR. A failure here is a bug in the compiler (lowering or an
// optimisation pass), never the learner's: the messages name the function, block and
// instruction so the bug can be found.
import { printFunc } from './print.ts';
import { isInt, type Func, type Module, type Operand, type ScalarType } from './types.ts';

export class IrError extends Error {
  constructor(message: string) {
    super(`internal compiler error: invalid IR: ${message}`);
    this.name = 'IrError';
  }
}

/** True when a 128-bit argument would not fit in the six argument registers (System V). */
function wide128OnStack(params: readonly ScalarType[]): boolean {
  let n = 0;
  for (const t of params) {
    const bits = t === 'i128' || t === 'u128' ? 128 : t === 'unit' || t === 'never' ? 0 : 64;
    if (bits === 128) { if (n + 2 > 6) return true; n += 2; } else if (bits) n++;
  }
  return false;
}

export function verifyModule(m: Module): void {
  const callables = new Map<string, { params: ScalarType[]; ret: ScalarType }>();
  for (const f of m.funcs) callables.set(f.name, f);
  for (const e of m.externs) callables.set(e.name, e);
  const symbols = new Set([...callables.keys(), ...m.statics.map((s) => s.name)]);
  for (const f of m.funcs) verifyFunc(f, callables, symbols);
}

export function verifyFunc(f: Func, callables: Map<string, { params: ScalarType[]; ret: ScalarType }>, symbols: Set<string>): void {
  const labels = new Set<string>();
  const fail = (where: string, msg: string): never => {
    throw new IrError(`in fn ${f.name}, ${where}: ${msg}\n${printFunc(f)}`);
  };
  for (const b of f.blocks) {
    if (labels.has(b.label)) fail(b.label, 'duplicate block label');
    labels.add(b.label);
  }
  if (f.blocks.length === 0) fail('entry', 'no blocks');
  f.params.forEach((t, i) => { if (f.values[i] !== t) fail('params', `value v${i} is not the parameter's type ${t}`); });
  // The frame keeps rbp 16-aligned and does not realign rsp: stricter slots would be misplaced.
  f.slots.forEach((s, i) => { if (s.align > 16 || (s.align & (s.align - 1)) !== 0) fail(`slot ${i}`, `alignment ${s.align} is not a power of two up to 16`); });
  if (wide128OnStack(f.params)) fail('params', '128-bit parameters on the stack are not supported yet');
  // Where a failure is, kept in variables and spelled out only on failure: the helpers below
  // are made once per function, not per instruction (this runs on every lowered function).
  let atBlock = '';
  let atIndex = -1;
  let atOp = '';
  const here = () => (atIndex < 0 ? `${atBlock} terminator ${atOp}` : `${atBlock}[${atIndex}] ${atOp}`);
  const typeOf = (o: Operand): ScalarType => (o.kind === 'const' ? o.type : f.values[o.id] ?? fail(here(), `no value v${o.id}`));
  const dstType = (id: number): ScalarType => f.values[id] ?? fail(here(), `no value v${id}`);
  const same = (actual: ScalarType, expected: ScalarType, what: string) => { if (actual !== expected) fail(here(), `${what} is ${actual}, expected ${expected}`); };
  const int = (t: ScalarType, what: string) => { if (!isInt(t)) fail(here(), `${what} must be an integer, is ${t}`); };
  const target = (l: string) => { if (!labels.has(l)) fail(here(), `unknown block ${l}`); };
  for (const b of f.blocks) {
    atBlock = b.label;
    for (let k = 0; k < b.insts.length; k++) {
      const i = b.insts[k]!;
      atIndex = k;
      atOp = i.op;
      switch (i.op) {
        case 'copy': same(typeOf(i.src), dstType(i.dst), 'copied value'); break;
        case 'binary': {
          const t = dstType(i.dst);
          if (i.kind === 'shl' || i.kind === 'shr') { int(t, 'shifted value'); same(typeOf(i.a), t, 'operand'); int(typeOf(i.b), 'shift amount'); break; }
          if (i.kind === 'and' || i.kind === 'or' || i.kind === 'xor') { if (!isInt(t) && t !== 'bool') fail(here(), `bitwise op on ${t}`); } else int(t, 'result');
          same(typeOf(i.a), t, 'left operand'); same(typeOf(i.b), t, 'right operand');
          break;
        }
        case 'checked': int(dstType(i.dst), 'result'); same(dstType(i.overflow), 'bool', 'overflow flag'); same(typeOf(i.a), dstType(i.dst), 'left'); same(typeOf(i.b), dstType(i.dst), 'right'); break;
        case 'compare': same(dstType(i.dst), 'bool', 'comparison result'); same(typeOf(i.a), typeOf(i.b), 'compared operands'); break;
        case 'unary': {
          const t = dstType(i.dst); same(typeOf(i.a), t, 'operand');
          if (i.kind === 'neg') int(t, 'negated value'); else if (!isInt(t) && t !== 'bool') fail(here(), `not on ${t}`);
          break;
        }
        case 'cast': {
          const from = typeOf(i.src); const to = dstType(i.dst);
          const ok = (isInt(to) && (isInt(from) || from === 'bool' || from === 'char' || from === 'ptr'))
            || (to === 'char' && from === 'u8') || (to === 'ptr' && (from === 'ptr' || from === 'usize' || isInt(from)));
          if (!ok) fail(here(), `no cast from ${from} to ${to}`);
          break;
        }
        case 'load': same(typeOf(i.addr), 'ptr', 'address'); if (dstType(i.dst) === 'unit' || dstType(i.dst) === 'never') fail(here(), 'load of a zero-sized value'); break;
        case 'store': same(typeOf(i.addr), 'ptr', 'address'); break;
        case 'slotAddr': same(dstType(i.dst), 'ptr', 'result'); if (!f.slots[i.slot]) fail(here(), `no slot ${i.slot}`); break;
        case 'staticAddr': same(dstType(i.dst), 'ptr', 'result'); if (!symbols.has(i.symbol)) fail(here(), `unknown symbol ${i.symbol}`); break;
        case 'ptrAdd': same(dstType(i.dst), 'ptr', 'result'); same(typeOf(i.base), 'ptr', 'base'); if (i.index) int(typeOf(i.index), 'index'); break;
        case 'call': {
          const callee = callables.get(i.callee) ?? fail(here(), `unknown function ${i.callee}`);
          if (callee.params.length !== i.args.length) fail(here(), `${i.callee} takes ${callee.params.length} arguments, given ${i.args.length}`);
          i.args.forEach((a, n) => same(typeOf(a), callee.params[n]!, `argument ${n}`));
          if (i.dst !== undefined) same(dstType(i.dst), callee.ret, 'return value');
          if (wide128OnStack(callee.params)) fail(here(), '128-bit arguments on the stack are not supported yet');
          break;
        }
        case 'callIndirect': {
          same(typeOf(i.callee), 'ptr', 'callee');
          if (i.params.length !== i.args.length) fail(here(), `the signature takes ${i.params.length} arguments, given ${i.args.length}`);
          i.args.forEach((a, n) => same(typeOf(a), i.params[n]!, `argument ${n}`));
          if (i.dst !== undefined) same(dstType(i.dst), i.ret, 'return value');
          if (wide128OnStack(i.params)) fail(here(), '128-bit arguments on the stack are not supported yet');
          break;
        }
        case 'out': same(typeOf(i.port), 'u16', 'port'); if (!['u8', 'u16', 'u32'].includes(typeOf(i.value))) fail(here(), 'out value must be u8, u16 or u32'); break;
        case 'in': same(typeOf(i.port), 'u16', 'port'); if (!['u8', 'u16', 'u32'].includes(dstType(i.dst))) fail(here(), 'in result must be u8, u16 or u32'); break;
        case 'hlt': break;
      }
    }
    const t = b.terminator;
    atIndex = -1;
    atOp = t.op;
    switch (t.op) {
      case 'goto': target(t.target); break;
      case 'branch': if (typeOf(t.cond) !== 'bool') fail(here(), 'condition is not bool'); target(t.then); target(t.else); break;
      case 'switch': if (!isInt(typeOf(t.value)) && typeOf(t.value) !== 'bool' && typeOf(t.value) !== 'char') fail(here(), 'switch on a non-integer'); t.cases.forEach((c) => target(c.target)); target(t.default); break;
      case 'return':
        if (f.ret === 'unit' || f.ret === 'never') { if (t.value) fail(here(), `returns a value from a ${f.ret} function`); }
        else if (!t.value || typeOf(t.value) !== f.ret) fail(here(), `must return ${f.ret}`);
        if (f.ret === 'never') fail(here(), 'a `-> !` function returns');
        break;
      case 'unreachable': case 'panic': break;
    }
  }
}
