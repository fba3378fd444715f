// The textual form of the IR, for debugging the compiler and for test failure messages:
//   fn name(v0: u32) -> u32 global {
//     slot 0 "buf" 16 align 8
//   entry:
//     v1: u32 = add v0, 1_u32
//     return v1
//   }
import type { Func, Inst, Module, Operand, Terminator } from './types.ts';

export function printOperand(o: Operand): string {
  return o.kind === 'value' ? `v${o.id}` : `${o.value}_${o.type}`;
}

function printInst(f: Func, i: Inst): string {
  const p = printOperand;
  const d = (id: number) => `v${id}: ${f.values[id]} = `;
  switch (i.op) {
    case 'copy': return d(i.dst) + p(i.src);
    case 'binary': return d(i.dst) + `${i.kind} ${p(i.a)}, ${p(i.b)}`;
    case 'checked': return `v${i.dst}: ${f.values[i.dst]}, v${i.overflow}: bool = ${i.kind}_overflow ${p(i.a)}, ${p(i.b)}`;
    case 'compare': return d(i.dst) + `${i.kind} ${p(i.a)}, ${p(i.b)}`;
    case 'unary': return d(i.dst) + `${i.kind} ${p(i.a)}`;
    case 'cast': return d(i.dst) + `cast ${p(i.src)}`;
    case 'load': return d(i.dst) + `load${i.volatile ? ' volatile' : ''} ${p(i.addr)}`;
    case 'store': return `store${i.volatile ? ' volatile' : ''} ${p(i.addr)}, ${p(i.value)}`;
    case 'slotAddr': return d(i.dst) + `slot_addr ${i.slot}`;
    case 'staticAddr': return d(i.dst) + `static_addr ${i.symbol}`;
    case 'ptrAdd': return d(i.dst) + `ptr_add ${p(i.base)}` + (i.index ? `, ${p(i.index)} * ${i.scale ?? 1}` : '') + (i.offset ? `, +${i.offset}` : '');
    case 'call': return (i.dst !== undefined ? d(i.dst) : '') + `call ${i.callee}(${i.args.map(p).join(', ')})`;
    case 'callIndirect': return (i.dst !== undefined ? d(i.dst) : '') + `call_indirect ${p(i.callee)}(${i.args.map(p).join(', ')}) as fn(${i.params.join(', ')}) -> ${i.ret}`;
    case 'out': return `out ${p(i.port)}, ${p(i.value)}`;
    case 'in': return d(i.dst) + `in ${p(i.port)}`;
    case 'hlt': return 'hlt';
  }
}

function printTerminator(t: Terminator): string {
  switch (t.op) {
    case 'goto': return `goto ${t.target}`;
    case 'branch': return `branch ${printOperand(t.cond)}, ${t.then}, ${t.else}`;
    case 'switch': return `switch ${printOperand(t.value)} [${t.cases.map((c) => `${c.value} => ${c.target}`).join(', ')}], default ${t.default}`;
    case 'return': return t.value ? `return ${printOperand(t.value)}` : 'return';
    case 'unreachable': return 'unreachable';
    case 'panic': return `panic ${JSON.stringify(t.message)} at ${t.file}:${t.line}:${t.col}`;
  }
}

export function printFunc(f: Func): string {
  const lines = [`fn ${f.name}(${f.params.map((t, i) => `v${i}: ${t}`).join(', ')}) -> ${f.ret}${f.global ? ' global' : ''} {`];
  f.slots.forEach((s, i) => lines.push(`  slot ${i} ${JSON.stringify(s.name)} ${s.size} align ${s.align}`));
  for (const b of f.blocks) {
    lines.push(`${b.label}:`);
    for (const i of b.insts) lines.push('  ' + printInst(f, i));
    lines.push('  ' + printTerminator(b.terminator));
  }
  lines.push('}');
  return lines.join('\n');
}

export function printModule(m: Module): string {
  const parts: string[] = [];
  for (const e of m.externs) parts.push(`extern fn ${e.name}(${e.params.join(', ')}) -> ${e.ret}`);
  for (const s of m.statics) parts.push(`static${s.mutable ? ' mut' : ''} ${s.name}${s.global ? ' global' : ''} align ${s.align} [${s.bytes.length} bytes]`);
  for (const f of m.funcs) parts.push(printFunc(f));
  return parts.join('\n');
}
