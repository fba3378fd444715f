// A reference interpreter of the IR: the semantics the code generator must reproduce, written
// as plainly as possible with BigInt arithmetic. Tests run the same IR here and on the emulated
// machine and compare. Memory is sparse bytes addressed by bigint; statics and stack slots get
// addresses of their own, so pointer arithmetic and stores through pointers behave as compiled.
import { bitsOf, isSigned, wrap, type Func, type Inst, type Module, type Operand, type ScalarType } from './types.ts';

export class Panic extends Error {
  constructor(readonly panicMessage: string, readonly file: string, readonly line: number, readonly col: number) {
    super(`panicked at ${file}:${line}:${col}: ${panicMessage}`);
  }
}
/** The program wrote to port 0xf4 (isa-debug-exit) or halted. */
export class Exit extends Error {
  constructor(readonly code: number | null) {
    super(code === null ? 'halted' : `exit ${code}`);
  }
}

export interface InterpretOptions {
  /** Extern functions by name (e.g. 128-bit helpers are not needed: the interpreter does those natively). */
  externs?: Record<string, (args: bigint[]) => bigint>;
  /** Port reads (`in`); unmapped ports read as all ones, as on a PC. */
  portIn?: (port: number) => bigint;
  /** Step budget, so a random program that loops forever fails the test instead of hanging it. */
  maxSteps?: number;
}

export class Interpreter {
  readonly memory = new Map<bigint, number>();
  readonly staticAddress = new Map<string, bigint>();
  readonly ports: { port: number; value: bigint }[] = [];
  private stackTop = 0x7_0000_0000n;
  private steps = 0;

  constructor(readonly module: Module, readonly options: InterpretOptions = {}) {
    let next = 0x1_0000_0000n;
    for (const s of module.statics) {
      next = (next + BigInt(s.align) - 1n) / BigInt(s.align) * BigInt(s.align);
      this.staticAddress.set(s.name, next);
      next += BigInt(Math.max(1, s.bytes.length));
    }
    // Functions get addresses too, so their addresses can be taken and stored.
    for (const f of module.funcs) this.staticAddress.set(f.name, (next += 16n));
    for (const s of module.statics) {
      const base = this.staticAddress.get(s.name)!;
      s.bytes.forEach((b, i) => this.memory.set(base + BigInt(i), b));
      for (const r of s.relocs ?? []) this.write(base + BigInt(r.offset), 64, this.staticAddress.get(r.symbol)! + BigInt(r.addend ?? 0));
    }
  }

  read(addr: bigint, bits: number): bigint {
    let v = 0n;
    for (let i = bits / 8 - 1; i >= 0; i--) v = (v << 8n) | BigInt(this.memory.get(addr + BigInt(i)) ?? 0);
    return v;
  }

  write(addr: bigint, bits: number, value: bigint): void {
    for (let i = 0; i < bits / 8; i++) this.memory.set(addr + BigInt(i), Number((value >> BigInt(8 * i)) & 0xffn));
  }

  call(name: string, args: bigint[]): bigint {
    const f = this.module.funcs.find((x) => x.name === name);
    if (!f) {
      const ext = this.options.externs?.[name];
      if (!ext) throw new Error(`interpreter: no function ${name}`);
      return ext(args);
    }
    return this.run(f, args);
  }

  private run(f: Func, args: bigint[]): bigint {
    const values: (bigint | undefined)[] = new Array(f.values.length);
    args.forEach((a, i) => (values[i] = wrap(f.params[i]!, a)));
    const frameTop = this.stackTop;
    const slotAddr = f.slots.map((s) => {
      this.stackTop -= BigInt(s.size);
      this.stackTop &= ~(BigInt(Math.max(s.align, 1)) - 1n);
      return this.stackTop;
    });
    this.stackTop -= 64n;
    const get = (o: Operand): bigint => {
      if (o.kind === 'const') return o.value;
      const x = values[o.id];
      if (x === undefined) throw new Error(`interpreter: fn ${f.name} reads v${o.id} before it is written`);
      return x;
    };
    const blocks = new Map(f.blocks.map((b) => [b.label, b]));
    let block = f.blocks[0]!;
    try {
      for (;;) {
        for (const inst of block.insts) {
          if (++this.steps > (this.options.maxSteps ?? 10_000_000)) throw new Error('interpreter: step budget exhausted');
          this.exec(f, inst, values, get, slotAddr);
        }
        const t = block.terminator;
        let next: string;
        switch (t.op) {
          case 'goto': next = t.target; break;
          case 'branch': next = get(t.cond) ? t.then : t.else; break;
          case 'switch': { const x = get(t.value); next = t.cases.find((c) => wrap(typeOfOperand(f, t.value), c.value) === x)?.target ?? t.default; break; }
          case 'return': return t.value ? get(t.value) : 0n;
          case 'unreachable': throw new Error(`interpreter: fn ${f.name} reached unreachable in ${block.label}`);
          case 'panic': throw new Panic(t.message, t.file, t.line, t.col);
        }
        block = blocks.get(next)!;
      }
    } finally {
      this.stackTop = frameTop;
    }
  }

  private exec(f: Func, i: Inst, values: (bigint | undefined)[], get: (o: Operand) => bigint, slotAddr: bigint[]): void {
    const T = (id: number) => f.values[id]!;
    switch (i.op) {
      case 'copy': values[i.dst] = get(i.src); break;
      case 'binary': values[i.dst] = binary(i.kind, T(i.dst), get(i.a), get(i.b)); break;
      case 'checked': {
        const t = T(i.dst);
        const exact = i.kind === 'add' ? get(i.a) + get(i.b) : i.kind === 'sub' ? get(i.a) - get(i.b) : get(i.a) * get(i.b);
        values[i.dst] = wrap(t, exact);
        values[i.overflow] = wrap(t, exact) === exact ? 0n : 1n;
        break;
      }
      case 'compare': {
        const a = get(i.a); const b = get(i.b);
        const r = { eq: a === b, ne: a !== b, lt: a < b, le: a <= b, gt: a > b, ge: a >= b }[i.kind];
        values[i.dst] = r ? 1n : 0n;
        break;
      }
      case 'unary': {
        const t = T(i.dst);
        values[i.dst] = i.kind === 'neg' ? wrap(t, -get(i.a)) : t === 'bool' ? get(i.a) ^ 1n : wrap(t, ~get(i.a));
        break;
      }
      case 'cast': values[i.dst] = wrap(T(i.dst), get(i.src)); break;
      case 'load': values[i.dst] = wrap(T(i.dst), this.read(get(i.addr), bitsOf(T(i.dst)))); break;
      case 'store': { const t = typeOfOperand(f, i.value); if (bitsOf(t) > 0) this.write(get(i.addr), bitsOf(t), BigInt.asUintN(bitsOf(t), get(i.value))); break; }
      case 'slotAddr': values[i.dst] = slotAddr[i.slot]!; break;
      case 'staticAddr': values[i.dst] = this.staticAddress.get(i.symbol)!; break;
      case 'ptrAdd': values[i.dst] = BigInt.asUintN(64, get(i.base) + (i.index ? get(i.index) * BigInt(i.scale ?? 1) : 0n) + BigInt(i.offset ?? 0)); break;
      case 'call': { const r = this.call(i.callee, i.args.map(get)); if (i.dst !== undefined) values[i.dst] = wrap(T(i.dst), r); break; }
      case 'callIndirect': {
        const target = get(i.callee);
        const name = [...this.staticAddress].find(([n, a]) => a === target && this.module.funcs.some((g) => g.name === n))?.[0];
        if (name === undefined) throw new Error(`interpreter: fn ${f.name} calls through ${target}, which is no function's address`);
        const r = this.call(name, i.args.map(get));
        if (i.dst !== undefined) values[i.dst] = wrap(T(i.dst), r);
        break;
      }
      case 'out': {
        const port = Number(get(i.port)); const value = get(i.value);
        this.ports.push({ port, value });
        if (port === 0xf4) throw new Exit(Number(value));
        break;
      }
      case 'in': values[i.dst] = wrap(T(i.dst), this.options.portIn?.(Number(get(i.port))) ?? -1n); break;
      case 'hlt': throw new Exit(null);
    }
  }
}

export function typeOfOperand(f: Func, o: Operand): ScalarType {
  return o.kind === 'const' ? o.type : f.values[o.id]!;
}

/** Wrapping binary arithmetic at type t (operands already canonical for t). */
export function binary(kind: string, t: ScalarType, a: bigint, b: bigint): bigint {
  const bits = BigInt(bitsOf(t));
  switch (kind) {
    case 'add': return wrap(t, a + b);
    case 'sub': return wrap(t, a - b);
    case 'mul': return wrap(t, a * b);
    case 'div': if (b === 0n) throw new Error('interpreter: division by zero'); return wrap(t, a / b);
    case 'rem': if (b === 0n) throw new Error('interpreter: remainder by zero'); return wrap(t, a % b);
    case 'and': return a & b;
    case 'or': return a | b;
    case 'xor': return a ^ b;
    case 'shl': return wrap(t, a << BigInt.asUintN(64, b) % bits);
    case 'shr': return wrap(t, (isSigned(t) ? a : BigInt.asUintN(Number(bits), a)) >> (BigInt.asUintN(64, b) % bits));
  }
  throw new Error(`interpreter: unknown binary op ${kind}`);
}
