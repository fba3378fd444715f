// Random IR programs shaped like lowered Rust rather than like hand-written IR: variables that are
// one value assigned many times, an array in a stack slot indexed through bounds checks
// (compare + branch to a panic), the same element read twice, read after written, swapped,
// written through a second pointer to the same memory and read at another width, loops over
// ranges, diamonds that reassign variables, conditions tested twice, calls between. The
// optimiser's value numbering, forwarding and block merging must keep every result.
import { prng } from '../../../x86/prng.ts';
import { FuncBuilder } from '../../ir/builder.ts';
import { bitsOf, c, v, type Func, type IntType, type Operand } from '../../ir/types.ts';

const ELEMS: IntType[] = ['u8', 'i16', 'u32', 'i32', 'u64', 'i64'];

export class LoweredGenerator {
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

  /** fn NAME(a: u64, b: u64, n: u32) -> u64, calling some of `earlier` (same signature). */
  func(name: string, earlier: string[]): Func {
    const f = new FuncBuilder(name, ['u64', 'u64', 'u32'], 'u64');
    const elem = this.pick(ELEMS);
    const size = bitsOf(elem) / 8;
    const len = this.pick([4, 8, 16]);
    const slot = f.slot('arr', len * size, size);
    const acc = f.value('u64'); const i = f.value('usize'); const x = f.value(elem);
    let blocks = 0;
    const label = (p: string) => `${p}${blocks++}`;
    const bounds = (index: Operand): Operand => {
      const ok = label('inb'); const bad = label('oob');
      f.terminate({ op: 'branch', cond: f.compare('lt', index, c('usize', len)), then: ok, else: bad });
      f.block(bad); f.terminate({ op: 'panic', message: 'index out of bounds', file: 'lowered.rs', line: 1, col: 1 });
      f.block(ok);
      return f.ptrAdd(f.slotAddr(slot), 0, index, size);
    };
    const small = (): Operand => f.binary('and', 'usize', f.cast('usize', this.int(2) ? v(acc) : f.param(2)), c('usize', len - 1));
    const mix = (o: Operand) => f.assign(acc, f.binary(this.pick(['add', 'xor', 'sub'] as const), 'u64', f.binary('mul', 'u64', v(acc), c('u64', 31)), f.cast('u64', o)));
    // Fill the array: for i in 0..len { arr[i] = (a + i) as elem }
    f.assign(acc, f.param(0));
    f.assign(i, c('usize', 0));
    const fh = label('fh'); const fb = label('fb'); const fx = label('fx');
    f.terminate({ op: 'goto', target: fh });
    f.block(fh); f.terminate({ op: 'branch', cond: f.compare('lt', v(i), c('usize', len)), then: fb, else: fx });
    f.block(fb);
    f.store(bounds(v(i)), f.cast(elem, f.binary('add', 'u64', f.param(0), f.cast('u64', v(i)))));
    f.assign(i, f.binary('add', 'usize', v(i), c('usize', 1)));
    f.terminate({ op: 'goto', target: fh });
    f.block(fx);
    const steps = 4 + this.int(8);
    for (let s = 0; s < steps; s++) {
      switch (this.int(12)) {
        case 0: { // the same element read twice, with the same check twice
          const k = small();
          const first = f.load(elem, bounds(k));
          const second = f.load(elem, bounds(k));
          mix(f.binary('add', elem, first, second));
          break;
        }
        case 1: { // write then read back (forwarding), then read a neighbour
          const k = small();
          f.store(bounds(k), f.cast(elem, v(acc)));
          mix(f.load(elem, bounds(k)));
          mix(f.load(elem, bounds(f.binary('and', 'usize', f.binary('add', 'usize', k, c('usize', 1)), c('usize', len - 1)))));
          break;
        }
        case 2: { // swap a[k-1] and a[k] when out of order, as bubble sort does
          const k = f.binary('or', 'usize', small(), c('usize', 1));
          const left = f.load(elem, bounds(f.binary('sub', 'usize', k, c('usize', 1))));
          const right = f.load(elem, bounds(k));
          const sw = label('sw'); const nx = label('nx');
          f.terminate({ op: 'branch', cond: f.compare('gt', left, right), then: sw, else: nx });
          f.block(sw);
          const t = f.load(elem, bounds(f.binary('sub', 'usize', k, c('usize', 1))));
          f.store(bounds(f.binary('sub', 'usize', k, c('usize', 1))), f.load(elem, bounds(k)));
          f.store(bounds(k), t);
          f.terminate({ op: 'goto', target: nx });
          f.block(nx);
          mix(f.load(elem, bounds(k)));
          break;
        }
        case 3: { // read through one pointer, write through another to the same bytes, read again
          const p = f.slotAddr(slot);
          const before = f.load(elem, p);
          // a run-time index with a scale lea cannot take (a 12- or 16-byte element) when the
          // array is big enough, else a constant one
          const wide = len * size >= 32 && this.int(2) === 0;
          const index = wide ? f.binary('and', 'usize', f.cast('usize', f.param(2)), c('usize', 1)) : c('usize', this.int(2) ? 0 : 1);
          f.store(f.ptrAdd(f.slotAddr(slot), 0, index, wide ? this.pick([12, 16]) : this.pick([1, 2])), c('u8', this.int(256)));
          const after = f.load(elem, p);
          const byte = f.load('u8', f.ptrAdd(p, 1));
          mix(f.binary('xor', elem, before, after));
          mix(byte);
          break;
        }
        case 4: { // a diamond reassigning x, then the same expressions after the join
          const th = label('th'); const el = label('el'); const jn = label('jn');
          const cond = f.compare(this.pick(['lt', 'ne', 'ge'] as const), f.cast('u32', v(acc)), f.param(2));
          f.terminate({ op: 'branch', cond, then: th, else: el });
          f.block(th); f.assign(x, f.cast(elem, f.param(1))); f.terminate({ op: 'goto', target: jn });
          f.block(el); f.assign(x, f.load(elem, bounds(small()))); f.terminate({ op: 'goto', target: jn });
          f.block(jn);
          mix(v(x));
          const again = label('ag'); const other = label('ot');
          // the same condition tested again after the join
          f.terminate({ op: 'branch', cond, then: again, else: other });
          f.block(again); f.assign(x, f.binary('add', elem, v(x), c(elem, 3))); f.terminate({ op: 'goto', target: other });
          f.block(other);
          mix(v(x));
          break;
        }
        case 5: { // a counted loop summing elements, reading a[i] twice per round
          const h = label('lh'); const b = label('lb'); const e = label('le');
          f.assign(i, c('usize', 0));
          f.terminate({ op: 'goto', target: h });
          f.block(h); f.terminate({ op: 'branch', cond: f.compare('lt', v(i), c('usize', len)), then: b, else: e });
          f.block(b);
          const cur = f.copy('usize', v(i));
          f.assign(i, f.binary('add', 'usize', v(i), c('usize', 1)));
          mix(f.load(elem, bounds(cur)));
          f.store(bounds(cur), f.binary('xor', elem, f.load(elem, bounds(cur)), c(elem, 0x55)));
          f.terminate({ op: 'goto', target: h });
          f.block(e);
          break;
        }
        case 6: { // a call between a store and a load of the same element
          if (!earlier.length) break;
          const k = small();
          f.store(bounds(k), f.cast(elem, f.param(1)));
          const r = f.call(this.pick(earlier), [v(acc), f.param(1), f.binary('and', 'u32', f.param(2), c('u32', 7))], 'u64')!;
          mix(r);
          mix(f.load(elem, bounds(k)));
          break;
        }
        case 7: { // variables reassigned from each other
          f.assign(x, f.cast(elem, v(acc)));
          const y = f.copy(elem, v(x));
          f.assign(x, f.binary('mul', elem, v(x), c(elem, 5)));
          mix(f.binary('sub', elem, v(x), y));
          break;
        }
        case 9: case 10: { // a small struct in its own slot, copied word by word, as lowering does
          const a = f.slot('pair', 16, 8); const b = f.slot('copy', 16, 8);
          const pa = f.slotAddr(a);
          f.store(pa, f.cast('usize', v(acc)));
          f.store(f.ptrAdd(pa, 8), f.cast('u32', f.param(2)));
          f.store(f.ptrAdd(pa, 12), c('u8', this.int(256)));
          const h = label('sh'); const bd = label('sb'); const ex = label('sx');
          f.assign(i, c('usize', 0));
          f.terminate({ op: 'goto', target: h });
          f.block(h); f.terminate({ op: 'branch', cond: f.compare('lt', v(i), c('usize', 1 + this.int(3))), then: bd, else: ex });
          f.block(bd);
          const count = f.load('usize', f.slotAddr(a));
          f.store(f.slotAddr(a), f.binary('add', 'usize', count, c('usize', 3)));
          f.assign(i, f.binary('add', 'usize', v(i), c('usize', 1)));
          f.terminate({ op: 'goto', target: h });
          f.block(ex);
          const pb = f.slotAddr(b);
          f.store(pb, f.load('u64', f.slotAddr(a)));
          f.store(f.ptrAdd(pb, 8), f.load('u64', f.ptrAdd(f.slotAddr(a), 8)));
          mix(f.load('u64', pb));
          mix(f.load('u32', f.ptrAdd(pb, 8)));
          mix(f.load('u8', f.ptrAdd(pb, 12)));
          if (this.int(2)) {
            // escapes: indexed with a run-time index, so it stays in memory
            mix(f.load('u8', f.ptrAdd(f.slotAddr(b), 0, f.binary('and', 'usize', f.cast('usize', f.param(2)), c('usize', 7)), 1)));
          }
          break;
        }
        case 11: { // `a || b` keeps its bool in a variable and branches on it
          const kept = f.value('bool');
          const cond = f.compare(this.pick(['lt', 'gt', 'eq', 'ne'] as const), f.cast('u32', v(acc)), f.param(2));
          f.assign(kept, cond);
          const yes = label('ky'); const join = label('kj');
          f.terminate({ op: 'branch', cond, then: yes, else: join });
          // kept is assigned on two paths, as lowering's `||` result is
          f.block(yes); f.assign(acc, f.binary('add', 'u64', v(acc), c('u64', 11))); f.assign(kept, f.compare('ne', v(acc), c('u64', 5))); f.terminate({ op: 'goto', target: join });
          f.block(join);
          mix(f.cast('u64', v(kept)));
          break;
        }
        case 8: { // narrower store into a wider element, then the wide read
          if (size === 1) break;
          const k = small();
          const addr = bounds(k);
          f.store(addr, f.cast(elem, v(acc)));
          f.store(addr, c('u8', 0xa5));
          mix(f.load(elem, addr));
          break;
        }
      }
    }
    f.terminate({ op: 'return', value: v(acc) });
    return f.build();
  }
}
