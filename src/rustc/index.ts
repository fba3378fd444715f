// Bootlab's Rust compiler. `parseCrate` is the front end alone (the editor's markers);
// `compileRustCrate` runs every stage (driver/), and `buildSysroot` compiles our `core` and
// `compiler_builtins` (library/) for `-Z build-std`.
export { parseCrate, type ParseOptions, type ParseResult } from './driver/parse.ts';
export { compileRustCrate, objectFor, sourceMapFor, type CompiledCrate, type CompileInput, type CompileOutput, type Edition } from './driver/index.ts';
export { buildSysroot, clearSysrootCache, DEFAULT_RUST_SRC, type Sysroot, type SysrootOptions } from './driver/sysroot.ts';

export type { Crate } from './ast/ast.ts';
export type { Diagnostic } from './diagnostics/diagnostic.ts';
export { renderAllHuman, renderAllJson, renderHuman, renderSummary, toJson } from './diagnostics/index.ts';
export { SourceMap } from './span/source-map.ts';
