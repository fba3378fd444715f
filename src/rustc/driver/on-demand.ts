// Code generation on demand for library crates. Every function of our core is small and
// non-generic only because the subset has no generics: in Rust's core nearly all of them are
// generic or `#[inline]`, which rustc compiles to machine code in the crate that uses them, not in
// core's own object. We do the equivalent: `core` is fully parsed, checked and lowered to IR when
// the sysroot is built, and machine code is generated for the functions a program reaches
// (`objectFor`) — or for all of them when `CompiledCrate.object` is read.
import type { Module } from '../ir/types.ts';
import type { CompiledCrate } from './index.ts';
import { runCodegen } from './stages.ts';

/** Symbols a module refers to that it does not define (calls, addresses, data relocations, its panic entry). */
export function referencedSymbols(m: Module): Set<string> {
  const defined = new Set([...m.funcs.map((f) => f.name), ...m.statics.map((s) => s.name)]);
  const out = new Set<string>(m.externs.map((e) => e.name));
  const note = (s: string) => { if (!defined.has(s)) out.add(s); };
  for (const f of m.funcs) {
    for (const b of f.blocks) {
      for (const i of b.insts) {
        if (i.op === 'call') note(i.callee);
        else if (i.op === 'staticAddr') note(i.symbol);
      }
      if (b.terminator.op === 'panic') note(m.panicSymbol);
    }
  }
  for (const s of m.statics) for (const r of s.relocs ?? []) note(r.symbol);
  return out;
}

/** The part of `m` reachable from `roots`: functions and statics, following calls, addresses and relocations. */
export function reachablePart(m: Module, roots: Iterable<string>): Module {
  const funcs = new Map(m.funcs.map((f) => [f.name, f]));
  const statics = new Map(m.statics.map((s) => [s.name, s]));
  const seen = new Set<string>();
  const work = [...roots];
  while (work.length > 0) {
    const name = work.pop()!;
    if (seen.has(name)) continue;
    seen.add(name);
    const f = funcs.get(name);
    if (f) {
      for (const b of f.blocks) {
        for (const i of b.insts) {
          if (i.op === 'call') work.push(i.callee);
          else if (i.op === 'staticAddr') work.push(i.symbol);
        }
        if (b.terminator.op === 'panic') work.push(m.panicSymbol);
      }
    }
    for (const r of statics.get(name)?.relocs ?? []) work.push(r.symbol);
  }
  return { ...m, funcs: m.funcs.filter((f) => seen.has(f.name)), statics: m.statics.filter((s) => seen.has(s.name)) };
}

const partCache = new WeakMap<Module, Map<string, Uint8Array>>();

/**
 * The object of library crate `lib` holding what `users` (the crates linked with it) reach: the
 * same bytes per function as `lib.object`, without the functions nobody calls. A crate without
 * IR (not compiled by this driver) gives its whole object.
 */
export function objectFor(lib: CompiledCrate, users: readonly CompiledCrate[]): Uint8Array {
  const ir = lib.ir;
  if (!ir) return lib.object;
  const roots = new Set<string>();
  for (const u of users) if (u.ir) for (const s of referencedSymbols(u.ir)) roots.add(s);
  const key = [...roots].sort().join('\n');
  let byRoots = partCache.get(ir);
  if (!byRoots) partCache.set(ir, (byRoots = new Map()));
  const hit = byRoots.get(key);
  if (hit) return hit;
  const { object, diagnostics } = runCodegen(reachablePart(ir, roots), lib.release ?? false);
  // The whole module compiled when the sysroot was tested; a failure here is a compiler bug.
  if (!object) throw new Error(diagnostics[0]?.message ?? 'internal compiler error: code generation failed');
  byRoots.set(key, object);
  return object;
}
