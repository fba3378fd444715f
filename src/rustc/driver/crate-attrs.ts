// The crate's inner attributes: `#![no_std]`, `#![no_core]`, `#![no_main]`, `#![feature(…)]`,
// and the checks rustc makes on them — an attribute name it does not know ("cannot find
// attribute", with its guess at a misspelled built-in one), `#![feature]` on a stable compiler
// (E0554, once, at the first such attribute), and features that no longer need the attribute.
import type { Attribute } from '../ast/ast.ts';
import { DiagnosticSink, error, warning, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { editDistance } from '../parser/similar.ts';
import { attrArgs, attrName, parseMeta, splitCommas } from './meta.ts';

export interface CrateAttrs {
  readonly noStd: boolean;
  /** Our core's `#![no_core]`: neither `std` nor `core` is needed. */
  readonly noCore: boolean;
  readonly noMain: boolean;
  readonly features: readonly string[];
}

/**
 * rustc's built-in attributes (the names `cannot find attribute` is checked against, and the
 * candidates of its "similar name" help), in rustc's declaration order.
 */
export const BUILTIN_ATTRIBUTES: readonly string[] = [
  'cfg', 'cfg_attr', 'ignore', 'should_panic', 'reexport_test_harness_main', 'automatically_derived', 'macro_use',
  'macro_escape', 'macro_export', 'proc_macro', 'proc_macro_derive', 'proc_macro_attribute', 'warn', 'allow', 'expect',
  'forbid', 'deny', 'must_use', 'must_not_suspend', 'deprecated', 'crate_name', 'crate_type', 'link', 'link_name',
  'no_link', 'repr', 'export_name', 'link_section', 'no_mangle', 'used', 'link_ordinal', 'naked', 'recursion_limit',
  'type_length_limit', 'move_size_limit', 'start', 'no_main', 'path', 'no_std', 'no_implicit_prelude',
  'non_exhaustive', 'windows_subsystem', 'panic_handler', 'inline', 'cold', 'no_builtins', 'target_feature',
  'track_caller', 'instruction_set', 'doc', 'debugger_visualizer', 'collapse_debuginfo', 'test', 'bench',
  'test_runner', 'derive', 'global_allocator', 'no_core', 'lang', 'compiler_builtins', 'panic_runtime',
  'needs_panic_runtime', 'feature', 'register_tool', 'rustc_intrinsic', 'rustc_attrs', 'unstable', 'stable',
  'rustc_const_unstable', 'rustc_const_stable', 'diagnostic', 'coverage', 'optimize', 'unsafe',
  'thread_local', 'test_case', 'alloc_error_handler', 'allow_internal_unstable', 'linkage', 'sanitize', 'no_sanitize',
  'fundamental', 'ffi_pure', 'ffi_const', 'cfi_encoding', 'patchable_function_entry', 'rustfmt', 'clippy',
];

/** Features stable since a release (rustc warns that the attribute is no longer needed). */
const STABLE_FEATURES: Readonly<Record<string, string>> = {
  asm_const: '1.82.0',
  asm_sym: '1.66.0',
  const_mut_refs: '1.83.0',
  const_fn_fn_ptr_basics: '1.61.0',
  const_panic: '1.57.0',
  naked_functions: '1.88.0',
  panic_info_message: '1.81.0',
  abi_efiapi: '1.68.0',
  const_ptr_offset: '1.61.0',
};

/** Features rustc calls "internal to the compiler or standard library". */
const INTERNAL_FEATURES = new Set(['lang_items', 'rustc_attrs', 'intrinsics', 'no_core', 'compiler_builtins', 'core_intrinsics', 'prelude_import', 'staged_api', 'rustc_private', 'link_llvm_intrinsics', 'unboxed_closures']);

function has(attrs: readonly Attribute[], name: string): boolean {
  return attrs.some((a) => a.doc === undefined && attrName(a) === name);
}

/** rustc's best match for a misspelled built-in attribute (edit distance at most a third of the length). */
export function similarBuiltin(name: string): string | undefined {
  let limit = Math.floor(Math.max(name.length, 3) / 3);
  let best: string | undefined;
  for (const c of BUILTIN_ATTRIBUTES) {
    const d = editDistance(name, c, limit);
    if (d === 0) return c;
    if (d !== null) {
      limit = d - 1;
      best = c;
    }
  }
  return best;
}

/** "cannot find attribute" for an attribute whose one-segment name is not a built-in one. */
export function unknownAttribute(a: Attribute): Diagnostic | undefined {
  if (a.doc !== undefined || a.path.segments.length !== 1) return undefined;
  const name = attrName(a);
  if (BUILTIN_ATTRIBUTES.includes(name) || name.startsWith('rustc_')) return undefined;
  const seg = a.path.segments[0]!.ident;
  const d = error(`cannot find attribute \`${name}\` in this scope`).primary(seg.span);
  const similar = similarBuiltin(name);
  if (similar) d.suggest(seg.span, 'a built-in attribute with a similar name exists', similar, 'verbose', 'MaybeIncorrect');
  return d.build();
}

/** Reads the crate attributes and reports unknown names (rustc's resolution errors). */
export function readCrateAttrs(attrs: readonly Attribute[], sink: DiagnosticSink): CrateAttrs {
  const features: string[] = [];
  for (const a of attrs) {
    if (a.doc !== undefined) continue;
    const name = attrName(a);
    const unknown = unknownAttribute(a);
    if (unknown) sink.emit(unknown);
    if (name === 'feature') {
      const group = attrArgs(a);
      for (const piece of group ? splitCommas(group.tts) : []) {
        const m = parseMeta(piece);
        if (m.kind === 'word') features.push(m.name);
      }
    }
  }
  return { noStd: has(attrs, 'no_std'), noCore: has(attrs, 'no_core'), noMain: has(attrs, 'no_main'), features };
}

function featureNames(featureAttrs: readonly Attribute[]): string[] {
  const names: string[] = [];
  for (const a of featureAttrs) {
    const group = attrArgs(a);
    for (const piece of group ? splitCommas(group.tts) : []) {
      const m = parseMeta(piece);
      if (m.kind === 'word') names.push(m.name);
    }
  }
  return names;
}

/** `#![feature(…)]` checks: E0554 on stable, then the lints about stable and internal features. */
export function checkFeatures(attrs: readonly Attribute[], nightly: boolean, sink: DiagnosticSink, lints: boolean): void {
  const featureAttrs = attrs.filter((a) => a.doc === undefined && attrName(a) === 'feature');
  if (!nightly && featureAttrs.length > 0) {
    const d = error('`#![feature]` may not be used on the stable release channel', 'E0554').primary(featureAttrs[0]!.span);
    for (const name of featureNames(featureAttrs)) {
      const since = STABLE_FEATURES[name];
      if (since) d.help(`the feature \`${name}\` has been stable since \`${since}\` and no longer requires an attribute to enable`);
    }
    sink.emit(d);
  }
  if (!lints) return;
  const allowed = (lint: string) => attrs.some((a) => a.doc === undefined && ['allow', 'expect'].includes(attrName(a)) && featureNames([a]).includes(lint));
  let internalNoted = false;
  let stableNoted = false;
  for (const a of featureAttrs) {
    const group = attrArgs(a);
    for (const piece of group ? splitCommas(group.tts) : []) {
      const m = parseMeta(piece);
      if (m.kind !== 'word') continue;
      const since = STABLE_FEATURES[m.name];
      if (since && !allowed('stable_features')) {
        const d = warning(`the feature \`${m.name}\` has been stable since ${since} and no longer requires an attribute to enable`).primary(m.span);
        if (!stableNoted) d.note('`#[warn(stable_features)]` on by default');
        stableNoted = true;
        sink.emit(d);
      } else if (INTERNAL_FEATURES.has(m.name) && !allowed('internal_features')) {
        const d = warning(`the feature \`${m.name}\` is internal to the compiler or standard library`).primary(m.span).note('using it is strongly discouraged');
        if (!internalNoted) d.note('`#[warn(internal_features)]` on by default');
        internalNoted = true;
        sink.emit(d);
      }
    }
  }
}
