// compiler_builtins' 128-bit division helpers, written in our IR for the tests (the real ones
// will come from our compiler_builtins crate): restoring shift-subtract division, with the
// signed forms built on the unsigned one. Being IR, they run in the interpreter too.
import { FuncBuilder } from '../../ir/builder.ts';
import { c, v, type Func, type Operand } from '../../ir/types.ts';

function unsigned(name: string, wantQuotient: boolean): Func {
  const f = new FuncBuilder(name, ['u128', 'u128'], 'u128', true);
  const n = f.param(0); const d = f.param(1);
  const q = f.value('u128'); const r = f.value('u128'); const i = f.value('u32');
  f.assign(q, c('u128', 0)).assign(r, c('u128', 0)).assign(i, c('u32', 128));
  f.terminate({ op: 'goto', target: 'loop' });
  f.block('loop');
  f.terminate({ op: 'branch', cond: f.compare('eq', v(i), c('u32', 0)), then: 'done', else: 'step' });
  f.block('step');
  f.assign(i, f.binary('sub', 'u32', v(i), c('u32', 1)));
  const bit = f.binary('and', 'u128', f.binary('shr', 'u128', n, v(i)), c('u128', 1));
  f.assign(r, f.binary('or', 'u128', f.binary('shl', 'u128', v(r), c('u32', 1)), bit));
  f.terminate({ op: 'branch', cond: f.compare('ge', v(r), d), then: 'take', else: 'loop' });
  f.block('take');
  f.assign(r, f.binary('sub', 'u128', v(r), d));
  f.assign(q, f.binary('or', 'u128', v(q), f.binary('shl', 'u128', c('u128', 1), v(i))));
  f.terminate({ op: 'goto', target: 'loop' });
  f.block('done');
  f.terminate({ op: 'return', value: v(wantQuotient ? q : r) });
  return f.build();
}

function signed(name: string, unsignedName: string, quotient: boolean): Func {
  const f = new FuncBuilder(name, ['i128', 'i128'], 'i128', true);
  const abs = (x: Operand) => {
    const neg = f.compare('lt', x, c('i128', 0));
    const r = f.value('i128');
    f.assign(r, x);
    const l = `abs${f.blocks.length}`;
    f.terminate({ op: 'branch', cond: neg, then: `${l}n`, else: `${l}j` });
    f.block(`${l}n`); f.assign(r, f.unary('neg', 'i128', x)); f.terminate({ op: 'goto', target: `${l}j` });
    f.block(`${l}j`);
    return { neg, value: f.cast('u128', v(r)) };
  };
  const a = abs(f.param(0)); const b = abs(f.param(1));
  const u = f.cast('i128', f.call(unsignedName, [a.value, b.value], 'u128')!);
  const flip = quotient ? f.binary('xor', 'bool', a.neg, b.neg) : a.neg;
  f.terminate({ op: 'branch', cond: flip, then: 'flip', else: 'keep' });
  f.block('flip'); f.terminate({ op: 'return', value: f.unary('neg', 'i128', u) });
  f.block('keep'); f.terminate({ op: 'return', value: u });
  return f.build();
}

export function builtins128(): Func[] {
  return [unsigned('__udivti3', true), unsigned('__umodti3', false), signed('__divti3', '__udivti3', true), signed('__modti3', '__umodti3', false)];
}
