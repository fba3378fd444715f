// Random IR programs for differential testing: each function takes (a: T, b: T, x: u32) and
// returns T for a random integer type T, mixing every instruction kind — wrapping and checked
// arithmetic, shifts, guarded division, comparisons, casts through other types, diamonds,
// counted loops, stores and narrower loads through a stack slot, and calls to earlier functions
// (with their own types). The same module runs in the reference interpreter and, compiled, on
// the machine; any difference is a code generator (or interpreter) bug.
import { prng } from '../../../x86/prng.ts';
import { FuncBuilder } from '../../ir/builder.ts';
import { bitsOf, c, INT_TYPES, isSigned, v, wrap, type Func, type IntType, type Operand } from '../../ir/types.ts';

export interface RandomFunc { func: Func; type: IntType }

export class ProgramGenerator {
  private readonly rand: () => number;
  constructor(seed: number) {
    this.rand = prng(seed);
  }

  int(n: number): number {
    return Math.floor(this.rand() * n);
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)]!;
  }

  /** A value of type t, edge cases often. */
  constant(t: IntType): bigint {
    const bits = BigInt(bitsOf(t));
    const min = isSigned(t) ? -(1n << (bits - 1n)) : 0n;
    const max = isSigned(t) ? (1n << (bits - 1n)) - 1n : (1n << bits) - 1n;
    switch (this.int(8)) {
      case 0: return wrap(t, this.pick([0n, 1n, -1n, 2n, 7n]));
      case 1: return this.pick([min, max, min + 1n, max - 1n]);
      case 2: return wrap(t, BigInt(this.int(256)));
      default: {
        let x = 0n;
        for (let i = 0n; i < bits; i += 16n) x |= BigInt(this.int(65536)) << i;
        return wrap(t, x >> BigInt(this.int(Number(bits))));
      }
    }
  }

  func(name: string, earlier: RandomFunc[]): RandomFunc {
    const t = this.pick(INT_TYPES);
    const f = new FuncBuilder(name, [t, t, 'u32'], t);
    const pool: Operand[] = [f.param(0), f.param(1)];
    const amounts: Operand[] = [f.param(2)];
    const operand = (): Operand => (this.int(4) === 0 ? c(t, this.constant(t)) : this.pick(pool));
    const slot = f.slot('scratch', 16, 16);
    let blocks = 0;
    const steps = 6 + this.int(14);
    for (let s = 0; s < steps; s++) {
      switch (this.int(13)) {
        case 0: case 1:
          pool.push(f.binary(this.pick(['add', 'sub', 'mul', 'and', 'or', 'xor'] as const), t, operand(), operand()));
          break;
        case 2:
          pool.push(f.binary(this.pick(['shl', 'shr'] as const), t, operand(), this.int(3) ? this.pick(amounts) : c('u32', this.int(200))));
          break;
        case 3: {
          // Divisor made positive and non-zero, so neither x/0 nor MIN/-1 can happen.
          const mask = isSigned(t) ? (1n << BigInt(bitsOf(t) - 1)) - 1n : (1n << BigInt(bitsOf(t))) - 1n;
          const d = f.binary('or', t, f.binary('and', t, operand(), c(t, mask >> BigInt(this.int(bitsOf(t))))), c(t, 1));
          pool.push(f.binary(this.pick(['div', 'rem'] as const), t, operand(), d));
          break;
        }
        case 4: {
          const kind = bitsOf(t) === 128 && isSigned(t) ? this.pick(['add', 'sub'] as const) : this.pick(['add', 'sub', 'mul'] as const);
          const r = f.checked(kind, t, operand(), operand());
          pool.push(r.result, f.cast(t, r.overflow));
          break;
        }
        case 5: {
          const cmp = f.compare(this.pick(['eq', 'ne', 'lt', 'le', 'gt', 'ge'] as const), operand(), operand());
          pool.push(f.cast(t, cmp));
          break;
        }
        case 6: pool.push(f.unary(this.pick(['neg', 'not'] as const), t, operand())); break;
        case 7: {
          const u = this.pick(INT_TYPES);
          const mid = f.cast(u, operand());
          pool.push(f.cast(t, mid));
          if (u === 'u32') amounts.push(mid);
          break;
        }
        case 8: {
          const n = blocks++;
          const r = f.value(t);
          f.terminate({ op: 'branch', cond: f.compare(this.pick(['lt', 'ne', 'ge'] as const), operand(), operand()), then: `t${n}`, else: `e${n}` });
          f.block(`t${n}`); f.assign(r, f.binary('add', t, operand(), operand())); f.terminate({ op: 'goto', target: `j${n}` });
          f.block(`e${n}`); f.assign(r, f.binary('xor', t, operand(), operand())); f.terminate({ op: 'goto', target: `j${n}` });
          f.block(`j${n}`);
          pool.push(v(r));
          break;
        }
        case 9: {
          const n = blocks++;
          const acc = f.value(t); const i = f.value('u32');
          const step = operand();
          const limit = this.int(2) ? c('u32', this.int(6)) : f.binary('and', 'u32', this.pick(amounts), c('u32', 7));
          f.assign(acc, operand()).assign(i, c('u32', 0));
          f.terminate({ op: 'goto', target: `h${n}` });
          f.block(`h${n}`);
          f.terminate({ op: 'branch', cond: f.compare('lt', v(i), limit), then: `b${n}`, else: `x${n}` });
          f.block(`b${n}`);
          f.assign(acc, f.binary(this.pick(['add', 'mul', 'xor', 'sub'] as const), t, v(acc), step));
          f.assign(acc, f.binary('add', t, v(acc), f.cast(t, v(i))));
          f.assign(i, f.binary('add', 'u32', v(i), c('u32', 1)));
          f.terminate({ op: 'goto', target: `h${n}` });
          f.block(`x${n}`);
          pool.push(v(acc));
          break;
        }
        case 10: {
          const addr = f.slotAddr(slot);
          const offset = this.int(2) ? 0 : bitsOf(t) / 16;
          f.store(addr, operand(), this.int(2) === 0);
          const narrower = INT_TYPES.filter((u) => bitsOf(u) + offset * 8 <= bitsOf(t));
          const u = this.pick(narrower.length ? narrower : [t]);
          const loaded = f.load(u, narrower.length ? f.ptrAdd(addr, offset) : addr);
          pool.push(f.cast(t, loaded));
          break;
        }
        case 12: {
          // A switch on x & mask, with case values that differ in the high half for 128 bits.
          const n = blocks++;
          const mask = wrap(t, 3n | (3n << 64n));
          const sel = f.binary('and', t, operand(), c(t, mask));
          const values = [...new Set([0n, 1n, 2n, wrap(t, 1n << 64n), wrap(t, 3n << 64n)].map((x) => wrap(t, x & mask)))];
          const r = f.value(t);
          f.terminate({ op: 'switch', value: sel, cases: values.map((value, k) => ({ value, target: `s${n}c${k}` })), default: `s${n}d` });
          values.forEach((_, k) => {
            f.block(`s${n}c${k}`); f.assign(r, f.binary('add', t, operand(), c(t, k * 1000 + 1))); f.terminate({ op: 'goto', target: `s${n}j` });
          });
          f.block(`s${n}d`); f.assign(r, operand()); f.terminate({ op: 'goto', target: `s${n}j` });
          f.block(`s${n}j`);
          pool.push(v(r));
          break;
        }
        case 11: {
          if (!earlier.length) break;
          const callee = this.pick(earlier);
          const r = f.call(callee.func.name, [f.cast(callee.type, operand()), f.cast(callee.type, operand()), this.pick(amounts)], callee.type)!;
          pool.push(f.cast(t, r));
          break;
        }
      }
    }
    let result = pool[pool.length - 1]!;
    for (let k = 0; k < 3; k++) result = f.binary('xor', t, result, this.pick(pool));
    f.terminate({ op: 'return', value: result });
    return { func: f.build(), type: t };
  }
}
