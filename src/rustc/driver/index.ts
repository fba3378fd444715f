// The compiler driver: one crate from source files to an ELF relocatable object, in rustc's
// order of stages and of diagnostics:
//   parse the root → crate-level cfg_attr → crates the prelude needs (E0463, fatal) →
//   cfg stripping and out-of-line modules (E0583) → crate attributes (unknown names, E0554) →
//   panic handler / main present → name resolution and type checking → checking passes
//   (unsafety, mutability, liveness, lints) → lowering to IR → x86-64 code → object bytes.
// Each stage that reports an error stops the compilation before code generation, as rustc
// does. Nothing escapes as an exception: a bug in any stage is an `internal compiler error`.
import type { Crate } from '../ast/ast.ts';
import { DiagnosticSink, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { SourceMap } from '../span/source-map.ts';
import type { Module } from '../ir/types.ts';
import type { CrateDef } from '../thir/defs.ts';
import { CfgEvaluator, stripCfg } from './cfg.ts';
import { checkFeatures, readCrateAttrs } from './crate-attrs.ts';
import { mainCheck, mainNeedsStd, missingCrate, panicHandlerCheck, unwindCheck, type CrateGraph } from './crate-needs.ts';
import { crateHash } from './hash.ts';
import { childDir, loadModules } from './modules.ts';
import { unknownAttributes } from './unknown-attrs.ts';
import { parseCrate } from './parse.ts';
import { ice, runAnalysis, runChecks, runCodegen, runLowering } from './stages.ts';

export type Edition = '2015' | '2018' | '2021' | '2024';

export interface CompiledCrate {
  readonly name: string;
  /** Definitions and typed bodies: what later crates resolve paths and calls against. */
  readonly def: CrateDef;
  /** The ELF relocatable object (what rustc writes as the crate's `.o` inside its rlib). */
  readonly object: Uint8Array;
  /** Content hash of the sources, options and dependencies (16 hex digits). */
  readonly hash: string;
  /** The source map the crate's spans point into (a crate compiled after it extends a copy). */
  readonly sourceMap: SourceMap;
  /** The lowered IR, for code generation on demand (on-demand.ts: `objectFor`). */
  readonly ir?: Module;
  /** Whether it was built as release (the IR's code generation level). */
  readonly release?: boolean;
}

export interface CompileInput {
  readonly crateName: string;
  readonly crateType: 'bin' | 'lib';
  readonly rootPath: string;
  /** The root file and any out-of-line modules, by path (`src/main.rs`, `src/vga_buffer.rs`). */
  readonly files: ReadonlyMap<string, string>;
  readonly edition: Edition;
  readonly release: boolean;
  /** Enabled features; `declared` (from Cargo.toml, as cargo's `--check-cfg`) turns on the unexpected_cfgs warning. */
  readonly cfg: { readonly features: readonly string[]; readonly declared?: readonly string[] };
  /** Crates compiled earlier: `core` and `compiler_builtins` for a `#![no_std]` crate. */
  readonly externs: readonly CompiledCrate[];
  /** A nightly compiler accepts `#![feature(…)]`. */
  readonly nightly: boolean;
  /**
   * Where diagnostics' spans go. Without it the driver makes one that first holds the externs'
   * files (so spans in their definitions, e.g. "defined here" notes, render too).
   */
  readonly sourceMap?: SourceMap;
  /** The target named in E0463's notes (default `x86_64-unknown-none`). */
  readonly targetTriple?: string;
  /**
   * The panic strategy (`-C panic`): `abort` when the profile (`panic = "abort"`) or the target
   * (`"panic-strategy": "abort"`) says so; rustc's default is `unwind`, which a `no_std`
   * executable cannot have. Default here: `abort`.
   */
  readonly panicStrategy?: 'abort' | 'unwind';
  /** Lints reported (default true); the sysroot's crates are built with them capped, as cargo does. */
  readonly lints?: boolean;
  /**
   * Skip the checking passes (they only add diagnostics): for the sysroot, whose sources are
   * fixed and compile without any diagnostic with the passes on (driver/pipeline.test.ts).
   */
  readonly skipChecks?: boolean;
  /**
   * Generate machine code only when `object` is first read (or per user with `objectFor`): for
   * library crates whose functions are mostly unused. A code generation bug then surfaces as an
   * exception at that read, so only crates whose whole object is tested (our sysroot) use it.
   */
  readonly deferCodegen?: boolean;
}

export interface CompileOutput {
  diagnostics: Diagnostic[];
  sourceMap: SourceMap;
  /** Present when there was no error. */
  crate?: CompiledCrate;
}

/** A fresh source map holding, at the same positions, the files of the externs' maps. */
export function sourceMapFor(externs: readonly CompiledCrate[]): SourceMap {
  const map = new SourceMap();
  const widest = externs.map((e) => e.sourceMap).reduce<SourceMap | undefined>((a, b) => (!a || b.files.length > a.files.length ? b : a), undefined);
  for (const f of widest?.files ?? []) map.addFile(f.name, f.text);
  return map;
}

const hasErrors = (ds: readonly Diagnostic[]): boolean => ds.some((d) => d.level === 'error');

export function compileRustCrate(input: CompileInput): CompileOutput {
  const sourceMap = input.sourceMap ?? sourceMapFor(input.externs);
  const sink = new DiagnosticSink();
  try {
    const crate = compileInner(input, sourceMap, sink);
    return crate ? { diagnostics: sink.diagnostics, sourceMap, crate } : { diagnostics: sink.diagnostics, sourceMap };
  } catch (e) {
    sink.emit(ice('driver', e));
    return { diagnostics: sink.diagnostics, sourceMap };
  }
}

function compileInner(input: CompileInput, sourceMap: SourceMap, sink: DiagnosticSink): CompiledCrate | undefined {
  const lints = input.lints ?? true;
  const keepLints = (ds: readonly Diagnostic[]) => (lints ? ds : ds.filter((d) => d.level === 'error'));
  const rootText = input.files.get(input.rootPath);
  if (rootText === undefined) {
    sink.emit(ice('driver', `the root file ${input.rootPath} is not among the crate's files`));
    return undefined;
  }
  const parsed = parseCrate(rootText, input.rootPath, { edition: input.edition, sourceMap });
  sink.diagnostics.push(...parsed.diagnostics);
  if (hasErrors(parsed.diagnostics)) return undefined;
  const ast: Crate = parsed.ast;

  const cfg = new CfgEvaluator({ features: input.cfg.features, release: input.release, ...(input.cfg.declared && lints ? { declaredFeatures: input.cfg.declared } : {}) }, sink);
  // Crate-level cfg_attr first: `#![cfg_attr(not(test), no_std)]` decides which prelude is injected.
  ast.attrs.splice(0, ast.attrs.length, ...cfg.expandCfgAttr(ast.attrs));
  const attrSink = new DiagnosticSink();
  const attrs = readCrateAttrs(ast.attrs, attrSink);
  const graph: CrateGraph = {
    crateName: input.crateName, crateType: input.crateType, nightly: input.nightly,
    externs: input.externs, targetTriple: input.targetTriple ?? 'x86_64-unknown-none',
  };
  const missing = missingCrate(attrs, graph);
  if (missing) {
    sink.emit(missing);
    return undefined;
  }

  // Expansion: cfg stripping, then the out-of-line modules of what is left.
  // A file without the text `cfg` has no cfg or cfg_attr attribute: nothing to strip (most files).
  if (rootText.includes('cfg')) stripCfg(ast.items, cfg);
  const parseErrors: Diagnostic[] = [];
  loadModules(ast.items, childDir(input.rootPath, true), { files: input.files, sourceMap, edition: input.edition, cfg, sink, parseErrors });
  if (parseErrors.length > 0) {
    sink.diagnostics.push(...parseErrors);
    return undefined;
  }
  sink.diagnostics.push(...attrSink.diagnostics);
  sink.diagnostics.push(...unknownAttributes(ast, attrSink.errorCount > 0, [...input.files.values()]));
  const featureSink = new DiagnosticSink();
  checkFeatures(ast.attrs, input.nightly, featureSink, lints);
  sink.diagnostics.push(...featureSink.diagnostics);
  // Any error so far (cfg, modules, attributes, macros, features) stops before type checking.
  const beforeAnalysis = sink.errorCount > 0;
  // rustc reports these two before type checking and goes on with it.
  const noHandler = panicHandlerCheck(ast, attrs, graph);
  if (noHandler) sink.emit(noHandler);
  const unwinding = unwindCheck(attrs, graph, input.panicStrategy ?? 'abort');
  if (unwinding) sink.emit(unwinding);
  const noMain = mainCheck(ast, attrs, graph, input.rootPath);
  if (noMain) sink.emit(noMain);
  if (beforeAnalysis) return undefined;

  const externDefs = input.externs.map((e) => e.def);
  const analysis = runAnalysis(ast, { crateName: input.crateName, crateType: input.crateType, externs: externDefs, sourceMap, edition: input.edition });
  sink.diagnostics.push(...keepLints(analysis.diagnostics));
  if (!analysis.crate || hasErrors(analysis.diagnostics)) return undefined;
  const def = analysis.crate;

  // The passes run (and report their lints) even after a missing panic handler or main.
  if (!input.skipChecks) sink.diagnostics.push(...keepLints(runChecks(def, ast, input.crateType, sourceMap, input.edition)));
  if (sink.errorCount > 0) return undefined;
  const needsStd = mainNeedsStd(ast, attrs, graph);
  if (needsStd) {
    sink.emit(needsStd);
    return undefined;
  }

  const core = input.crateName === 'core' ? def : input.externs.find((e) => e.name === 'core')?.def;
  const panicSymbol = core?.panicEntry?.symbol;
  if (!panicSymbol) {
    sink.emit(ice('driver', 'core has no `#[lang = "panic"]` function for panics to call'));
    return undefined;
  }
  const lowered = runLowering(def, { release: input.release, panicSymbol, sourceMap });
  sink.diagnostics.push(...lowered.diagnostics);
  if (!lowered.module) return undefined;
  const ir = lowered.module;
  const base = { name: input.crateName, def, hash: crateHash(input), sourceMap, ir, release: input.release };
  if (input.deferCodegen) {
    let object: Uint8Array | undefined;
    return {
      ...base,
      get object(): Uint8Array {
        if (object) return object;
        const code = runCodegen(ir, input.release);
        if (!code.object) throw new Error(code.diagnostics[0]?.message ?? 'internal compiler error: code generation failed');
        return (object = code.object);
      },
    };
  }
  const code = runCodegen(ir, input.release);
  sink.diagnostics.push(...code.diagnostics);
  if (!code.object) return undefined;
  return { ...base, object: code.object };
}

export { libraryObjectsFor, objectFor } from './on-demand.ts';

export { parseCrate } from './parse.ts';
export { buildSysroot, clearSysrootCache, DEFAULT_RUST_SRC, type Sysroot, type SysrootOptions } from './sysroot.ts';
