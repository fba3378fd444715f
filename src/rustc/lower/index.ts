// lowerCrate: a type-checked crate (thir/) → an IR module (ir/) that passes ir/verify.ts. One IR
// function per function with a body, one IR static per `static` plus the read-only data that
// literals and promoted constants need; functions of other crates called here are `externs`.
// Never throws: any failure, ours or an unexpected input, is an InternalCompilerError returned
// to the driver, which prints it as `internal compiler error: …`.
import { FuncBuilder } from '../ir/builder.ts';
import { IrError, verifyModule } from '../ir/verify.ts';
import { v, type Module } from '../ir/types.ts';
import type { CrateDef, FnDef } from '../thir/defs.ts';
import { fnAbi } from './abi.ts';
import { lowerStatic } from './consts.ts';
import { FnCx, ModuleCx, type LowerOptions, type Store, type Val } from './context.ts';
import { emitReturn } from './control.ts';
import { InternalCompilerError, ice } from './errors.ts';
import { lowerInto } from './expr.ts';
import { bindIrrefutable } from './match.ts';
import { reprOf } from './repr.ts';
import { addressTakenLocals } from './walk.ts';

export { InternalCompilerError } from './errors.ts';
export type { LowerOptions } from './context.ts';

export type LowerResult = { ok: true; module: Module } | { ok: false; error: InternalCompilerError };

/** Lowers a crate; on failure returns the internal error instead of throwing. */
export function tryLowerCrate(crate: CrateDef, options: LowerOptions): LowerResult {
  try {
    return { ok: true, module: lowerCrate(crate, options) };
  } catch (e) {
    return { ok: false, error: e instanceof InternalCompilerError ? e : new InternalCompilerError(e instanceof IrError ? e.message.replace(/^internal compiler error: /, '') : `lowering failed: ${e instanceof Error ? e.message : String(e)}`) };
  }
}

/** Lowers a crate; throws only InternalCompilerError. */
export function lowerCrate(crate: CrateDef, options: LowerOptions): Module {
  try {
    const mc = new ModuleCx(crate, options);
    const fns = crate.fns.filter((f) => f.body && !f.foreign && !f.intrinsic);
    for (const f of fns) mc.defined.add(f.symbol);
    for (const s of crate.statics) if (s.init || s.value) mc.defined.add(s.symbol);
    const statics = crate.statics.filter((s) => s.value).map((s) => lowerStatic(mc, s));
    const funcs = fns.map((f) => lowerFn(mc, f));
    const module: Module = {
      name: crate.name,
      sourceFile: options.sourceMap?.files[0]?.name ?? `${crate.name}.rs`,
      funcs: [...funcs, ...mc.helpers.values()],
      statics: [...statics, ...mc.statics],
      externs: [...mc.externs.values()].filter((e) => !mc.defined.has(e.name)),
      panicSymbol: options.panicSymbol,
    };
    verifyModule(module);
    return module;
  } catch (e) {
    if (e instanceof InternalCompilerError) throw e;
    if (e instanceof IrError) throw new InternalCompilerError(e.message.replace(/^internal compiler error: /, ''));
    throw new InternalCompilerError(`lowering failed: ${e instanceof Error ? e.message : String(e)}`);
  }
}

function lowerFn(mc: ModuleCx, def: FnDef): import('../ir/types.ts').Func {
  const body = def.body!;
  const abi = fnAbi(def);
  const global = def.exported || def.noMangle || def.panicHandler || mc.crate.panicEntry === def;
  const b = new FuncBuilder(def.symbol, abi.params, abi.ret, global);
  const cx = new FnCx(mc, def, body, b);
  try {
    // Incoming arguments as values, in parameter order.
    let next = 0;
    const out = abi.outPtr ? v(next++) : undefined;
    const incoming: Val[] = def.params.map((p) => {
      const r = reprOf(p.ty);
      switch (r.kind) {
        case 'scalar': return { k: 's', o: v(next++) };
        case 'fat': { const x: Val = { k: 'f', p: v(next), n: v(next + 1) }; next += 2; return x; }
        case 'agg': return { k: 'm', a: v(next++), temp: true };
        default: return { k: 'z' };
      }
    });
    // Where each local lives: IR values unless it is an aggregate or its address is taken;
    // an aggregate parameter bound by a plain name uses the caller's copy directly.
    const taken = addressTakenLocals(body.block);
    const aliased = new Map<number, Val>();
    body.params.forEach((p, i) => { if (p.kind === 'binding' && p.mode === 'value' && !p.sub && incoming[i]!.k === 'm') aliased.set(p.local, incoming[i]!); });
    for (const l of body.locals) {
      const r = reprOf(l.ty);
      let s: Store;
      const alias = aliased.get(l.id);
      if (alias?.k === 'm') s = { k: 'mem', a: alias.a };
      else if (r.kind === 'zst' || r.kind === 'never') s = { k: 'z' };
      else if ((r.kind === 'scalar' || r.kind === 'fat') && !taken.has(l.id)) s = { k: 'vals', ids: r.kind === 'scalar' ? [b.value(r.type)] : [b.value('ptr'), b.value('usize')] };
      else {
        const size = r.kind === 'agg' ? r.layout.size : r.kind === 'fat' ? 16 : Math.max(1, sizeOfScalar(r.type));
        const align = r.kind === 'agg' ? r.layout.align : r.kind === 'fat' ? 8 : Math.max(1, sizeOfScalar(r.type));
        s = { k: 'mem', a: b.slotAddr(b.slot(l.name, size, Math.min(16, align))) };
      }
      cx.locals[l.id] = s;
    }
    body.params.forEach((p, i) => { if (!(p.kind === 'binding' && aliased.has(p.local))) bindIrrefutable(cx, p, incoming[i]!); });
    const retR = reprOf(def.ret);
    cx.ret = retR.kind === 'scalar' ? { k: 'vals', ids: [b.value(retR.type)] } : out ? { k: 'mem', a: out } : { k: 'z' };
    lowerInto(cx, { kind: 'block', block: body.block, ty: body.block.ty, span: body.block.span }, cx.ret);
    if (def.ret.kind === 'never' || body.block.ty.kind === 'never') cx.finish({ op: 'unreachable' });
    else emitReturn(cx);
    return b.build();
  } catch (e) {
    if (e instanceof InternalCompilerError) throw new InternalCompilerError(`in fn ${def.path.join('::')}: ${e.message}`, e.span ?? def.span);
    throw e;
  }
}

function sizeOfScalar(t: import('../ir/types.ts').ScalarType): number {
  switch (t) {
    case 'i8': case 'u8': case 'bool': return 1;
    case 'i16': case 'u16': return 2;
    case 'i32': case 'u32': case 'char': return 4;
    case 'i128': case 'u128': return 16;
    default: return 8;
  }
}

export { ice };
