// The compiler's middle and back stages as the driver calls them, each behind one function so
// that an exception escaping any of them (a compiler bug) becomes an `internal compiler error`
// diagnostic instead of leaving the compiler.
import type { Crate } from '../ast/ast.ts';
import { compileModule } from '../codegen/x86_64/object.ts';
import { error, type Diagnostic } from '../diagnostics/diagnostic.ts';
import type { Module } from '../ir/types.ts';
import { tryLowerCrate } from '../lower/index.ts';
import { checkCrate } from '../passes/index.ts';
import { analyzeCrate } from '../typeck/index.ts';
import type { SourceMap } from '../span/source-map.ts';
import type { CrateDef } from '../thir/defs.ts';
import { writeElfObject } from '../../link/elf/object-writer.ts';

export function ice(stage: string, e: unknown): Diagnostic {
  const what = e instanceof Error ? e.message : String(e);
  return error(`internal compiler error: ${stage}: ${what.replace(/^internal compiler error: /, '')}`).build();
}

export interface AnalyzeInput {
  readonly crateName: string;
  readonly crateType: 'bin' | 'lib';
  readonly externs: readonly CrateDef[];
  readonly sourceMap: SourceMap;
  readonly edition: '2015' | '2018' | '2021' | '2024';
}

export function runAnalysis(ast: Crate, input: AnalyzeInput): { crate?: CrateDef; diagnostics: Diagnostic[] } {
  try {
    const { crate, diagnostics } = analyzeCrate(ast, { ...input, externs: [...input.externs] });
    return { crate, diagnostics };
  } catch (e) {
    return { diagnostics: [ice('type checking', e)] };
  }
}

export function runChecks(crate: CrateDef, ast: Crate, crateType: 'bin' | 'lib', sourceMap: SourceMap, edition: AnalyzeInput['edition']): Diagnostic[] {
  try {
    // The edition changes E0133's wording and turns on unsafe_op_in_unsafe_fn in 2024.
    return checkCrate(crate, { ast, crateType, sourceMap, edition });
  } catch (e) {
    return [ice('checking passes', e)];
  }
}

export function runLowering(crate: CrateDef, options: { release: boolean; panicSymbol: string; sourceMap: SourceMap }): { module?: Module; diagnostics: Diagnostic[] } {
  try {
    const r = tryLowerCrate(crate, options);
    return r.ok ? { module: r.module, diagnostics: [] } : { diagnostics: [ice('lowering', r.error)] };
  } catch (e) {
    return { diagnostics: [ice('lowering', e)] };
  }
}

/** Machine code and the ELF relocatable object's bytes. */
export function runCodegen(module: Module, release: boolean): { object?: Uint8Array; diagnostics: Diagnostic[] } {
  try {
    const { object } = compileModule(module, { optLevel: release ? 3 : 0 });
    return { object: writeElfObject(object), diagnostics: [] };
  } catch (e) {
    return { diagnostics: [ice('code generation', e)] };
  }
}
