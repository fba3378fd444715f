// Writes an IR function as equivalent Rust source (a block-numbered state machine over
// `let mut` values, wrapping_*/overflowing_* methods for arithmetic, raw pointers for memory),
// so the oracle test can check the IR's semantics — what the interpreter and the code
// generator implement — against the host rustc's own. Test support only.
import type { Func, Inst, Operand, ScalarType, Terminator } from '../../ir/types.ts';

const rustType = (t: ScalarType): string => (t === 'ptr' ? '*mut u8' : t === 'unit' ? '()' : t === 'never' ? '!' : t);

function literal(o: Operand, values: ScalarType[]): string {
  if (o.kind === 'value') return `v${o.id}`;
  if (o.type === 'bool') return o.value ? 'true' : 'false';
  if (o.type === 'ptr') return `(${o.value}usize as *mut u8)`;
  if (o.type === 'char') return `char::from_u32(${o.value}).unwrap()`;
  void values;
  return `(${o.value}${o.type})`;
}

export function funcToRust(f: Func): string {
  const L = (o: Operand) => literal(o, f.values);
  const T = (o: Operand): ScalarType => (o.kind === 'const' ? o.type : f.values[o.id]!);
  const zero = (t: ScalarType) => (t === 'bool' ? 'false' : t === 'ptr' ? 'core::ptr::null_mut()' : t === 'char' ? "'\\0'" : `0${t}`);
  const inst = (i: Inst): string => {
    switch (i.op) {
      case 'copy': return `v${i.dst} = ${L(i.src)};`;
      case 'binary': {
        const a = L(i.a); const b = L(i.b);
        switch (i.kind) {
          case 'add': case 'sub': case 'mul': return `v${i.dst} = ${a}.wrapping_${i.kind}(${b});`;
          case 'div': return `v${i.dst} = ${a}.wrapping_div(${b});`;
          case 'rem': return `v${i.dst} = ${a}.wrapping_rem(${b});`;
          case 'and': return `v${i.dst} = ${a} & ${b};`;
          case 'or': return `v${i.dst} = ${a} | ${b};`;
          case 'xor': return `v${i.dst} = ${a} ^ ${b};`;
          case 'shl': return `v${i.dst} = ${a}.wrapping_shl(${b} as u32);`;
          case 'shr': return `v${i.dst} = ${a}.wrapping_shr(${b} as u32);`;
        }
        break;
      }
      case 'checked': return `(v${i.dst}, v${i.overflow}) = ${L(i.a)}.overflowing_${i.kind}(${L(i.b)});`;
      case 'compare': {
        const op = { eq: '==', ne: '!=', lt: '<', le: '<=', gt: '>', ge: '>=' }[i.kind];
        return `v${i.dst} = ${L(i.a)} ${op} ${L(i.b)};`;
      }
      case 'unary': return f.values[i.dst] === 'bool' || i.kind === 'not' ? `v${i.dst} = !${L(i.a)};` : `v${i.dst} = ${L(i.a)}.wrapping_neg();`;
      case 'cast': return `v${i.dst} = ${L(i.src)} as ${rustType(f.values[i.dst]!)};`;
      case 'load': return `v${i.dst} = unsafe { (${L(i.addr)} as *const ${rustType(f.values[i.dst]!)}).read_unaligned() };`;
      case 'store': return `unsafe { (${L(i.addr)} as *mut ${rustType(T(i.value))}).write_unaligned(${L(i.value)}) };`;
      case 'slotAddr': return `v${i.dst} = slot${i.slot};`;
      case 'staticAddr': throw new Error('to-rust: statics are not translated');
      case 'ptrAdd': return `v${i.dst} = ${L(i.base)}.wrapping_add(${i.offset ?? 0}usize${i.index ? `.wrapping_add((${L(i.index)} as usize).wrapping_mul(${i.scale ?? 1}))` : ''});`;
      case 'call': return `${i.dst !== undefined ? `v${i.dst} = ` : ''}${i.callee}(${i.args.map(L).join(', ')});`;
      case 'out': case 'in': case 'hlt': throw new Error(`to-rust: ${i.op} is not translated`);
    }
    throw new Error('to-rust: unknown instruction');
  };
  const index = new Map(f.blocks.map((b, k) => [b.label, k]));
  const term = (t: Terminator): string => {
    switch (t.op) {
      case 'goto': return `bb = ${index.get(t.target)};`;
      case 'branch': return `bb = if ${L(t.cond)} { ${index.get(t.then)} } else { ${index.get(t.else)} };`;
      case 'switch': return `bb = match ${L(t.value)} { ${t.cases.map((c) => `x if x == ${literal({ kind: 'const', type: T(t.value), value: c.value }, f.values)} => ${index.get(c.target)}, `).join('')}_ => ${index.get(t.default)} };`;
      case 'return': return t.value ? `return ${L(t.value)};` : 'return;';
      case 'unreachable': return 'unreachable!();';
      case 'panic': return `panic!(${JSON.stringify(t.message)});`;
    }
  };
  const lines: string[] = [];
  lines.push(`#[allow(unused_mut, unused_assignments, unused_variables, unreachable_code, unused_parens)]`);
  lines.push(`fn ${f.name}(${f.params.map((t, i) => `mut v${i}: ${rustType(t)}`).join(', ')}) -> ${rustType(f.ret)} {`);
  f.values.forEach((t, id) => { if (id >= f.params.length && t !== 'unit' && t !== 'never') lines.push(`  let mut v${id}: ${rustType(t)} = ${zero(t)};`); });
  f.slots.forEach((s, k) => {
    lines.push(`  let mut slot${k}_mem = Slot([0u8; ${s.size}]);`);
    lines.push(`  let slot${k}: *mut u8 = core::ptr::addr_of_mut!(slot${k}_mem) as *mut u8;`);
  });
  lines.push('  let mut bb: u32 = 0;');
  lines.push('  loop {');
  lines.push('    match bb {');
  f.blocks.forEach((b, k) => {
    lines.push(`      ${k} => {`);
    for (const i of b.insts) lines.push(`        ${inst(i)}`);
    lines.push(`        ${term(b.terminator)}`);
    lines.push('      }');
  });
  lines.push('      _ => unreachable!(),');
  lines.push('    }');
  lines.push('  }');
  lines.push('}');
  return lines.join('\n');
}
