// IR module → relocatable object (the linker's in-memory model), one section per function and
// per static so `--gc-sections` can drop what is unused, as rustc's output allows:
// .text.<fn>, .rodata.<static>, .data.<static> (writable, or holding pointers), .bss.<static>
// (writable and all zero), and per panic site .rodata..Lanon.* for the message and
// .data.rel.ro..Lanon.* for its core::panic::Location { file: &str, line: u32, col: u32 }.
import { ObjectBuilder } from '../../../link/object-builder.ts';
import type { ObjectFile } from '../../../link/object.ts';
import { R_X86_64, STB_LOCAL, STT_OBJECT } from '../../../link/elf/constants.ts';
import { defsOf, operandsOf } from '../../ir/optimize.ts';
import { verifyModule } from '../../ir/verify.ts';
import { optimizeModule } from '../../ir/inline.ts';
import type { Func, Module, Operand } from '../../ir/types.ts';
import { Emitter } from './emitter.ts';
import { layoutFrame } from './frame.ts';
import { allocateRegisters } from './linear-scan.ts';
import { Selector, type AddressValue, type PanicSite } from './select.ts';

export interface CodegenOptions {
  /** 0: debug (every value on the stack); 3: release (IR optimisation and register allocation). */
  readonly optLevel: 0 | 3;
}

export interface CompiledFunction { readonly name: string; readonly code: Uint8Array }

function countUses(f: Func): number[] {
  const uses: number[] = new Array(f.values.length).fill(0);
  const read = (o: Operand) => { if (o.kind === 'value') uses[o.id]!++; };
  for (const b of f.blocks) {
    for (const i of b.insts) operandsOf(i).forEach(read);
    const t = b.terminator;
    if (t.op === 'branch') read(t.cond);
    else if (t.op === 'switch') read(t.value);
    else if (t.op === 'return' && t.value) read(t.value);
  }
  return uses;
}

/**
 * Pointers defined once as a slot's address or a single-definition pointer plus constants
 * (see SelectContext.addressValues), chains of ptrAdd folded into one offset.
 */
function addressValuesOf(f: Func): Map<number, AddressValue> {
  const defs = new Array<number>(f.values.length).fill(0);
  f.params.forEach((_, i) => defs[i]!++);
  for (const b of f.blocks) for (const i of b.insts) for (const d of defsOf(i)) defs[d]!++;
  const out = new Map<number, AddressValue>();
  const fits = (n: number) => n >= -(2 ** 31) && n < 2 ** 31 - 4096;
  for (let changed = true; changed;) {
    changed = false;
    for (const b of f.blocks) for (const i of b.insts) {
      if (i.op === 'slotAddr' && defs[i.dst] === 1 && !out.has(i.dst)) { out.set(i.dst, { slot: i.slot, offset: 0 }); changed = true; }
      if (i.op !== 'ptrAdd' || defs[i.dst] !== 1 || out.has(i.dst) || i.base.kind !== 'value' || (i.index && i.index.kind !== 'const')) continue;
      const extra = (i.index?.kind === 'const' ? Number(BigInt.asIntN(64, i.index.value)) * (i.scale ?? 1) : 0) + (i.offset ?? 0);
      const base = out.get(i.base.id);
      if (base) {
        if (fits(base.offset + extra)) { out.set(i.dst, { ...base, offset: base.offset + extra }); changed = true; }
      } else if (defs[i.base.id] === 1 && fits(extra) && extra !== 0) {
        out.set(i.dst, { base: i.base.id, offset: extra });
        changed = true;
      }
    }
  }
  return out;
}

export function compileModule(source: Module, options: CodegenOptions): { object: ObjectFile; functions: CompiledFunction[] } {
  verifyModule(source);
  // Release: each function optimised, small leaves inlined into their callers, callers
  // optimised again with the inlined bodies in view.
  const m = options.optLevel > 0 ? optimizeModule(source) : source;
  const b = new ObjectBuilder(`${m.name}.o`, m.sourceFile);
  const enc = new TextEncoder();
  const callTypes = new Map<string, { params: Func['params']; ret: Func['ret'] }>([...m.funcs, ...m.externs].map((f) => [f.name, f]));
  const functions: CompiledFunction[] = [];
  let anon = 0;
  for (const f of m.funcs) {
    const addressValues = options.optLevel > 0 ? addressValuesOf(f) : new Map<number, AddressValue>();
    const aliases = new Map([...addressValues].flatMap(([id, a]) => ('base' in a ? [[id, a.base] as [number, number]] : [])));
    const registers = options.optLevel > 0 ? allocateRegisters(f, new Set(addressValues.keys()), aliases) : new Map<number, string>();
    const emitter = new Emitter();
    const uses = countUses(f);
    const panicData = (site: PanicSite) => {
      const id = anon++;
      const message = `.Lanon.${m.name}.${id}.msg`;
      const location = `.Lanon.${m.name}.${id}.loc`;
      const file = `.Lanon.${m.name}.${id}.file`;
      const loc = new Uint8Array(24);
      const view = new DataView(loc.buffer);
      view.setBigUint64(8, BigInt(enc.encode(site.file).length), true);
      view.setUint32(16, site.line, true);
      view.setUint32(20, site.col, true);
      b.section(`.rodata.${message}`, { data: enc.encode(site.message), align: 1 })
        .symbol(message, { section: `.rodata.${message}`, binding: STB_LOCAL, type: STT_OBJECT })
        .section(`.rodata.${file}`, { data: enc.encode(site.file), align: 1 })
        .symbol(file, { section: `.rodata.${file}`, binding: STB_LOCAL, type: STT_OBJECT })
        .section(`.data.rel.ro.${location}`, { data: loc, align: 8 })
        .symbol(location, { section: `.data.rel.ro.${location}`, binding: STB_LOCAL, type: STT_OBJECT, size: 24 })
        .relocation(`.data.rel.ro.${location}`, 0, R_X86_64._64, file, 0);
      return { message, location };
    };
    const selector = new Selector({
      func: f, frame: layoutFrame(f, registers), emitter, panicSymbol: m.panicSymbol, panicData,
      callTypes: (name) => callTypes.get(name)!,
      fuseBranches: options.optLevel > 0,
      useCount: (id) => uses[id] ?? 0,
      addressValues,
    });
    selector.prologue();
    const label = (l: string) => `.L${f.name}.${l}`;
    for (const block of f.blocks) selector.block(block, label);
    const { code, relocations } = emitter.finish();
    const section = `.text.${f.name}`;
    b.section(section, { data: code, align: 16 });
    b.symbol(f.name, { section, size: code.length, ...(f.global ? {} : { binding: STB_LOCAL }) });
    for (const r of relocations) b.relocation(section, r.offset, r.kind === 'plt32' ? R_X86_64.PLT32 : R_X86_64.PC32, r.symbol, r.addend);
    functions.push({ name: f.name, code });
  }
  for (const s of m.statics) {
    const zero = s.bytes.every((x) => x === 0) && !s.relocs?.length;
    const kind = s.relocs?.length ? (s.mutable ? 'data' : 'data.rel.ro') : s.mutable ? (zero ? 'bss' : 'data') : 'rodata';
    const section = `.${kind}.${s.name}`;
    b.section(section, kind === 'bss' ? { nobits: s.bytes.length, align: s.align } : { data: s.bytes, align: s.align });
    b.symbol(s.name, { section, size: s.bytes.length, type: STT_OBJECT, ...(s.global ? {} : { binding: STB_LOCAL }) });
    for (const r of s.relocs ?? []) b.relocation(section, r.offset, R_X86_64._64, r.symbol, r.addend ?? 0);
  }
  return { object: b.build(), functions };
}
