// A readable dump of a crate's THIR, for tests and debugging: one node a line, children
// indented, each expression with its type. Locals print as `name@id`.
import type { CrateDef, FnBody, FnDef, LocalDef } from '../thir/defs.ts';
import type { Block, ConstValue, Expr, Pat, Stmt } from '../thir/thir.ts';
import { printTy } from '../thir/ty.ts';

export function printConst(v: ConstValue): string {
  switch (v.kind) {
    case 'scalar': return String(v.value);
    case 'bytes': return `b${JSON.stringify(Array.from(v.bytes, (b) => String.fromCharCode(b)).join(''))}`;
    case 'aggregate': return `{${v.fields.map(printConst).join(', ')}}`;
    case 'variant': return `${v.adt.name}::${v.adt.variants[v.index]?.name ?? v.index}`;
    case 'ref': return `&${printConst(v.to)}${v.len !== undefined ? `[len ${v.len}]` : ''}`;
    case 'staticRef': return `&static ${v.def.name}${v.len !== undefined ? `[len ${v.len}]` : ''}`;
    case 'ptr': return `ptr 0x${v.addr.toString(16)}`;
    case 'fn': return `fn ${v.def.name}`;
  }
}

class Printer {
  private readonly out: string[] = [];
  constructor(private readonly locals: readonly LocalDef[]) {}

  line(depth: number, text: string): void {
    this.out.push(`${'  '.repeat(depth)}${text}`);
  }

  local(id: number): string {
    return `${this.locals[id]?.name ?? '?'}@${id}`;
  }

  pat(p: Pat): string {
    const ty = printTy(p.ty);
    switch (p.kind) {
      case 'wild': return `_: ${ty}`;
      case 'binding': return `${p.mode === 'ref' ? 'ref ' : p.mode === 'refMut' ? 'ref mut ' : ''}${this.locals[p.local]?.mut ? 'mut ' : ''}${this.local(p.local)}${p.sub ? ` @ ${this.pat(p.sub)}` : ''}: ${ty}`;
      case 'const': return `${printConst(p.value)}: ${ty}`;
      case 'range': return `${printConst(p.lo)}${p.inclusive ? '..=' : '..'}${printConst(p.hi)}: ${ty}`;
      case 'variant': return `${p.adt.name}::${p.adt.variants[p.index]?.name}`;
      case 'tuple': return `(${p.elems.map((e) => this.pat(e)).join(', ')})`;
      case 'struct': return `${p.adt.name} { ${p.fields.map((f) => `${p.adt.fields[f.index]?.name}: ${this.pat(f.pat)}`).join(', ')} }`;
      case 'deref': return `&(${this.pat(p.pat)})`;
      case 'or': return p.alts.map((a) => this.pat(a)).join(' | ');
    }
  }

  block(b: Block, depth: number, head = 'block'): void {
    this.line(depth, `${b.unsafe ? 'unsafe ' : ''}${head}: ${printTy(b.ty)}`);
    for (const s of b.stmts) this.stmt(s, depth + 1);
    if (b.tail) this.expr(b.tail, depth + 1, 'tail ');
  }

  stmt(s: Stmt, depth: number): void {
    if (s.kind === 'item') return this.line(depth, 'item');
    if (s.kind === 'expr') return this.expr(s.expr, depth, 'stmt ');
    this.line(depth, `let ${this.pat(s.pat)}`);
    if (s.init) this.expr(s.init, depth + 1, '= ');
    if (s.else) this.block(s.else, depth + 1, 'else');
  }

  expr(e: Expr, depth: number, prefix = ''): void {
    const ty = printTy(e.ty);
    const head = (text: string) => this.line(depth, `${prefix}${text}: ${ty}`);
    const kids = (...xs: (Expr | undefined)[]) => xs.forEach((x) => x && this.expr(x, depth + 1));
    switch (e.kind) {
      case 'lit': return head(`lit ${printConst(e.value)}`);
      case 'local': return head(`local ${this.local(e.local)}`);
      case 'static': return head(`static ${e.def.name}`);
      case 'const': return head(`const ${e.def.name}`);
      case 'fnItem': return head(`fnItem ${e.def.name}`);
      case 'variant': return head(`variant ${e.adt.name}::${e.adt.variants[e.index]?.name}`);
      case 'call': head(`call ${e.callee.path.join('::')}`); return kids(...e.args);
      case 'callValue': head('callValue'); return kids(e.func, ...e.args);
      case 'builtin': head(`builtin ${e.op}${e.typeArg ? `::<${printTy(e.typeArg)}>` : ''}`); return kids(...e.args);
      case 'binary': head(`binary ${e.op}`); return kids(e.lhs, e.rhs);
      case 'logical': head(`logical ${e.op}`); return kids(e.lhs, e.rhs);
      case 'unary': head(`unary ${e.op}`); return kids(e.operand);
      case 'deref': head('deref'); return kids(e.operand);
      case 'addrOf': head(`addrOf${e.raw ? ' raw' : ''}${e.mut ? ' mut' : ''}`); return kids(e.place);
      case 'cast': head('cast'); return kids(e.operand);
      case 'coerce': head(`coerce ${e.coercion}`); return kids(e.operand);
      case 'field': head(`field ${e.index}`); return kids(e.base);
      case 'index': head('index'); return kids(e.base, e.index);
      case 'rangeIndex': head(`rangeIndex${e.inclusive ? ' inclusive' : ''}${e.lo ? '' : ' no-lo'}${e.hi ? '' : ' no-hi'}`); return kids(e.base, e.lo, e.hi);
      case 'assign': head('assign'); return kids(e.place, e.value);
      case 'assignOp': head(`assignOp ${e.op}`); return kids(e.place, e.value);
      case 'block': return this.block(e.block, depth, `${prefix}block`);
      case 'if': head('if'); return kids(e.cond, e.then, e.else);
      case 'loop': head(`loop#${e.loop}`); return this.block(e.body, depth + 1);
      case 'for':
        head(`for#${e.loop} ${this.pat(e.pat)}`);
        this.expr(e.iter, depth + 1, 'in ');
        return this.block(e.body, depth + 1);
      case 'match':
        head('match');
        this.expr(e.scrutinee, depth + 1);
        for (const a of e.arms) {
          this.line(depth + 1, `arm ${this.pat(a.pat)}`);
          if (a.guard) this.expr(a.guard, depth + 2, 'if ');
          this.expr(a.body, depth + 2, '=> ');
        }
        return;
      case 'break': head(`break#${e.loop}`); return kids(e.value);
      case 'continue': return head(`continue#${e.loop}`);
      case 'return': head('return'); return kids(e.value);
      case 'range': head(`range${e.inclusive ? ' inclusive' : ''}`); return kids(e.lo, e.hi);
      case 'tuple': head('tuple'); return kids(...e.elems);
      case 'array': head('array'); return kids(...e.elems);
      case 'repeat': head(`repeat ${e.count}`); return kids(e.elem);
      case 'struct': head(`struct ${e.adt.name}`); return kids(...e.fields, e.base);
      case 'panic': return head(`panic ${JSON.stringify(e.message)}`);
      case 'error': return head('error');
    }
  }

  text(): string {
    return this.out.join('\n');
  }
}

export function printFn(def: FnDef): string {
  const sig = `fn ${def.path.join('::')}(${def.params.map((p) => `${p.name}: ${printTy(p.ty)}`).join(', ')}) -> ${printTy(def.ret)}`;
  const flags = [def.symbol, def.abi === 'C' ? 'extern "C"' : '', def.unsafe ? 'unsafe' : '', def.exported ? 'exported' : '', def.panicHandler ? 'panic_handler' : '', def.foreign ? 'foreign' : '', def.intrinsic ? `intrinsic ${def.intrinsic}` : '', def.selfKind ? `self ${def.selfKind}` : '']
    .filter(Boolean)
    .join(', ');
  const body: FnBody | undefined = def.body;
  if (!body) return `${sig} [${flags}]`;
  const p = new Printer(body.locals);
  p.line(0, `${sig} [${flags}]`);
  if (body.params.length > 0) p.line(1, `params ${body.params.map((x) => p.pat(x)).join(', ')}`);
  p.block(body.block, 1);
  return p.text();
}

/** The whole crate: statics and consts with their values, ADTs, then every function. */
export function printCrate(crate: CrateDef): string {
  const out: string[] = [];
  for (const a of crate.adts) {
    const body = a.adtKind === 'enum' ? a.variants.map((v) => `${v.name}=${v.discr}`).join(', ') : a.fields.map((f) => `${f.name}: ${printTy(f.ty)}`).join(', ');
    out.push(`${a.adtKind} ${a.path.join('::')} { ${body} }${a.repr !== 'Rust' ? ` repr(${a.repr})` : ''}${a.derives.length ? ` derive(${a.derives.join(', ')})` : ''}`);
  }
  for (const s of crate.statics) out.push(`static ${s.mut ? 'mut ' : ''}${s.path.join('::')}: ${printTy(s.ty)} = ${s.value ? printConst(s.value) : '?'} [${s.symbol}]`);
  for (const c of crate.consts) out.push(`const ${c.path.join('::')}: ${printTy(c.ty)} = ${c.value ? printConst(c.value) : '?'}`);
  for (const f of crate.fns) out.push(printFn(f));
  return out.join('\n');
}
