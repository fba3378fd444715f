// What a crate needs from the crate graph before it can be compiled, in rustc's words: the
// crates the prelude injects (`std`, or `core` + `compiler_builtins` under `#![no_std]`; E0463
// when missing, with the notes rustc adds for std and core), a `#[panic_handler]` for an
// executable, and a `main` function unless `#![no_main]`.
import type { Crate, Item } from '../ast/ast.ts';
import { error, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { shrinkToHi } from '../span/span.ts';
import type { CrateDef } from '../thir/defs.ts';
import type { CrateAttrs } from './crate-attrs.ts';
import { attrName } from './meta.ts';

export interface CrateGraph {
  readonly crateName: string;
  readonly crateType: 'bin' | 'lib';
  readonly externs: readonly { readonly name: string; readonly def: CrateDef }[];
  readonly targetTriple: string;
  readonly nightly: boolean;
}

/** E0463 for an injected crate rustc cannot find (rustc_metadata's CannotFindCrate, for a crate injected without a span). */
function cantFindCrate(name: string, g: CrateGraph, missingCore: boolean): Diagnostic {
  const d = error(`can't find crate for \`${name}\``, 'E0463');
  if (name === 'std' || name === 'core') {
    if (missingCore) {
      d.note(`the \`${g.targetTriple}\` target may not be installed`);
      d.help(`consider downloading the target with \`rustup target add ${g.targetTriple}\``);
    } else {
      d.note(`the \`${g.targetTriple}\` target may not support the standard library`);
      d.note(`\`std\` is required by \`${g.crateName}\` because it does not declare \`#![no_std]\``);
    }
    if (g.nightly) d.help('consider building the standard library from source with `cargo build -Zbuild-std`');
  }
  return d.build();
}

/**
 * The crates this one cannot be built without, missing from `externs` (our sysroot never has
 * `std`). rustc stops at the first (the error is fatal), so at most one is returned.
 */
export function missingCrate(attrs: CrateAttrs, g: CrateGraph): Diagnostic | undefined {
  if (attrs.noCore) return undefined;
  const hasCore = g.externs.some((e) => e.name === 'core');
  if (!attrs.noStd) return cantFindCrate('std', g, !hasCore);
  if (!hasCore) return cantFindCrate('core', g, true);
  return undefined;
}

/** Whether an item tree defines a `#[panic_handler]` function (items of modules and of function bodies too). */
function definesPanicHandler(items: readonly Item[]): boolean {
  for (const item of items) {
    if (item.kind === 'fn' && item.attrs.some((a) => attrName(a) === 'panic_handler')) return true;
    if (item.kind === 'mod' && item.items && definesPanicHandler(item.items)) return true;
    if (item.kind === 'fn' && item.body) {
      const nested = item.body.stmts.flatMap((s) => (s.kind === 'item' ? [s.item] : []));
      if (definesPanicHandler(nested)) return true;
    }
  }
  return false;
}

/** An executable needs a panic handler somewhere in the crate graph (checked after expansion, as rustc's weak lang items). */
export function panicHandlerCheck(ast: Crate, attrs: CrateAttrs, g: CrateGraph): Diagnostic | undefined {
  if (g.crateType !== 'bin' || attrs.noCore) return undefined;
  if (definesPanicHandler(ast.items) || g.externs.some((e) => e.def.panicHandler)) return undefined;
  return error('`#[panic_handler]` function required, but not found').build();
}

/**
 * A `no_std` executable built with `panic = "unwind"` (the default unless the profile or the
 * target says abort) needs std's unwinding runtime (the `eh_personality` lang item).
 */
export function unwindCheck(attrs: CrateAttrs, g: CrateGraph, panicStrategy: 'abort' | 'unwind'): Diagnostic | undefined {
  if (g.crateType !== 'bin' || attrs.noCore || panicStrategy !== 'unwind') return undefined;
  return error('unwinding panics are not supported without std')
    .help('using nightly cargo, use -Zbuild-std with panic="abort" to avoid unwinding')
    .note('since the core library is usually precompiled with panic="unwind", rebuilding your crate with panic="abort" may not be enough to fix the problem')
    .build();
}

function hasMain(ast: Crate): boolean {
  return ast.items.some((i) => i.kind === 'fn' && i.ident.name === 'main');
}

/** E0601 when an executable without `#![no_main]` has no `main` (rustc points after the last item). */
export function mainCheck(ast: Crate, attrs: CrateAttrs, g: CrateGraph, rootPath: string): Diagnostic | undefined {
  if (g.crateType !== 'bin' || attrs.noMain || hasMain(ast)) return undefined;
  const last = ast.items[ast.items.length - 1];
  const at = shrinkToHi(last ? last.span : ast.span);
  return error(`\`main\` function not found in crate \`${g.crateName}\``, 'E0601').primary(at, `consider adding a \`main\` function to \`${rootPath}\``).build();
}

/** A `main` in a `#![no_std]` executable needs std's start-up code (reported when rustc would generate the entry point). */
export function mainNeedsStd(ast: Crate, attrs: CrateAttrs, g: CrateGraph): Diagnostic | undefined {
  if (g.crateType !== 'bin' || attrs.noMain || !attrs.noStd || !hasMain(ast)) return undefined;
  return error('using `fn main` requires the standard library')
    .help('use `#![no_main]` to bypass the Rust generated entrypoint and declare a platform specific entrypoint yourself, usually with `#[no_mangle]`').build();
}
