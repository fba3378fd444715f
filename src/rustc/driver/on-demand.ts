// Code generation on demand for library crates. Every function of our core is small and
// non-generic only because the subset has no generics: in Rust's core nearly all of them are
// generic or `#[inline]`, which rustc compiles to machine code in the crate that uses them, not in
// core's own object. We do the equivalent: `core` is fully parsed, checked and lowered to IR when
// the sysroot is built, and machine code is generated for the functions a program reaches
// (`objectFor`) — or for all of them when `CompiledCrate.object` is read.
import type { Module } from '../ir/types.ts';
import { SHN_UNDEF } from '../../link/elf/constants.ts';
import { readElfObject } from '../../link/elf/reader.ts';
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
  if (!lib.ir) return lib.object;
  const roots = new Set<string>();
  for (const u of users) if (u.ir) for (const s of referencedSymbols(u.ir)) roots.add(s);
  return objectForRoots(lib, roots);
}

/** `lib`'s object holding what is reachable from `roots` (cached per set of roots). */
function objectForRoots(lib: CompiledCrate, roots: ReadonlySet<string>): Uint8Array {
  const ir = lib.ir;
  if (!ir) return lib.object;
  // keyed by what is reached, not by the roots: roots elsewhere give the same part
  const part = reachablePart(ir, roots);
  const key = [...part.funcs.map((f) => f.name), '', ...part.statics.map((s) => s.name)].join('\n');
  let byRoots = partCache.get(ir);
  if (!byRoots) partCache.set(ir, (byRoots = new Map()));
  const hit = byRoots.get(key);
  if (hit) return hit;
  const { object, diagnostics } = runCodegen(part, lib.release ?? false);
  // The whole module compiled when the sysroot was tested; a failure here is a compiler bug.
  if (!object) throw new Error(diagnostics[0]?.message ?? 'internal compiler error: code generation failed');
  byRoots.set(key, object);
  return object;
}

/** Names an ELF relocatable object refers to without defining them (its undefined symbols). */
function undefinedSymbols(object: Uint8Array): string[] {
  return readElfObject(object).symbols.filter((s) => s.shndx === SHN_UNDEF && s.name !== '').map((s) => s.name);
}

/**
 * The objects of library crates `libs` (core and compiler_builtins) to link with `program`:
 * each holds what the program reaches through all of them. Roots are the program object's
 * undefined symbols; then every library part's own undefined symbols, until nothing new turns
 * up. Taken from the generated objects, not the IR alone, because code generation adds calls
 * of its own (`__udivti3` for a u128 division, `__muloti4`). With --gc-sections the linked
 * executable is the same as with the libraries' whole objects: what is left out is exactly
 * what garbage collection would drop, and undefined symbols are reported from live code only.
 */
export function libraryObjectsFor(program: CompiledCrate, libs: readonly CompiledCrate[]): Uint8Array[] {
  const roots = new Set(undefinedSymbols(program.object));
  if (program.ir) for (const s of referencedSymbols(program.ir)) roots.add(s);
  for (;;) {
    const objects = libs.map((lib) => objectForRoots(lib, roots));
    const size = roots.size;
    for (const o of objects) for (const s of undefinedSymbols(o)) roots.add(s);
    if (roots.size === size) return objects;
  }
}
