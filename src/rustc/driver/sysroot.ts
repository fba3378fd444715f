// The sysroot cargo's `-Z build-std=core` builds: our `core`, then `compiler_builtins` (with the
// `mem` feature when `build-std-features = ["compiler-builtins-mem"]`), compiled from the Rust
// sources in ../library like any crate, and kept in memory by content hash and options, so a
// second build with the same sources and flags compiles nothing. `core`'s machine code is
// generated on demand (on-demand.ts): link `objectFor(sysroot.core, [kernel, sysroot.compilerBuiltins])`
// to compile only what the kernel reaches, as rustc does for core's inline and generic items.
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { LIBRARY_SOURCES } from '../library/sources.generated.ts';
import { SourceMap } from '../span/source-map.ts';
import { contentHash } from './hash.ts';
import { compileRustCrate, type CompiledCrate } from './index.ts';

/** Where rustup's rust-src component puts the library sources (the paths shown in messages). */
export const DEFAULT_RUST_SRC = '/home/user/.rustup/toolchains/nightly-x86_64-unknown-linux-gnu/lib/rustlib/src/rust';

export interface SysrootOptions {
  readonly release: boolean;
  /** compiler_builtins' `mem` feature: memcpy, memmove, memset, memcmp, bcmp. */
  readonly memFeature: boolean;
  /** The rust-src directory the library's file names are shown under (default DEFAULT_RUST_SRC). */
  readonly rustSrc?: string;
}

export interface Sysroot {
  readonly core?: CompiledCrate;
  readonly compilerBuiltins?: CompiledCrate;
  /** Errors only (cargo caps the lints of the standard library's crates). */
  readonly diagnostics: Diagnostic[];
  /** The map the library's spans are in (render `diagnostics` with it). */
  readonly sourceMap: SourceMap;
  /** Whether this call compiled anything (false: served from the cache). */
  readonly compiled: boolean;
}

/** The files of one library crate under rust-src's layout: `<rust-src>/library/<crate>/src/<file>`. */
export function libraryFiles(crate: 'core' | 'compiler_builtins', rustSrc: string): { rootPath: string; files: Map<string, string> } {
  const dir = `${rustSrc}/library/${crate}/src`;
  const files = new Map(Object.entries(LIBRARY_SOURCES[crate]).map(([name, text]) => [`${dir}/${name}`, text]));
  return { rootPath: `${dir}/lib.rs`, files };
}

const cache = new Map<string, Sysroot>();
let sourcesHash: string | undefined;

export function buildSysroot(options: SysrootOptions): Sysroot {
  const rustSrc = options.rustSrc ?? DEFAULT_RUST_SRC;
  sourcesHash ??= contentHash([JSON.stringify(LIBRARY_SOURCES)]);
  const key = contentHash([sourcesHash, String(options.release), String(options.memFeature), rustSrc]);
  const hit = cache.get(key);
  if (hit) return { ...hit, compiled: false };
  const sourceMap = new SourceMap();
  const core = compileRustCrate({
    crateName: 'core', crateType: 'lib', ...libraryFiles('core', rustSrc), edition: '2021', release: options.release,
    cfg: { features: [] }, externs: [], nightly: true, sourceMap, lints: false, skipChecks: true, deferCodegen: true,
  });
  if (!core.crate) return remember(key, { diagnostics: core.diagnostics, sourceMap, compiled: true });
  // Rust's own build compiles compiler_builtins without overflow checks and optimised, in
  // every profile: its functions must never panic.
  const builtins = compileRustCrate({
    crateName: 'compiler_builtins', crateType: 'lib', ...libraryFiles('compiler_builtins', rustSrc), edition: '2021', release: true,
    cfg: { features: options.memFeature ? ['mem'] : [] }, externs: [core.crate], nightly: true, sourceMap, lints: false, skipChecks: true, deferCodegen: true,
  });
  const diagnostics = [...core.diagnostics, ...builtins.diagnostics];
  return remember(key, { core: core.crate, ...(builtins.crate ? { compilerBuiltins: builtins.crate } : {}), diagnostics, sourceMap, compiled: true });
}

function remember(key: string, s: Sysroot): Sysroot {
  cache.set(key, s);
  return s;
}

/** Forgets every built sysroot (tests measuring cold builds). */
export function clearSysrootCache(): void {
  cache.clear();
}
