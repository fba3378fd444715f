// What cargo prints when build-std rebuilds the standard library for a custom target, in the
// order and words of the post (`Compiling core`, `rustc-std-workspace-core`, `compiler_builtins`).
// Learners' logs (blog_os#837 in 2020, #1125 in 2022) often show compiler_builtins first: cargo
// prints a unit's line when it starts, and compiler_builtins' build script can start before core.
// Bootlab builds them one after the other, so it keeps the post's order.
// The version of compiler_builtins follows the toolchain's date: rust-lang/rust's library
// Cargo.lock named 0.1.105 from rust-lang/rust#119796 (merged 2024-01-14, so the post-era nightly
// of 2024-01-25 has it) and 0.1.118 from rust-lang/rust#128824 (2024-08-08). Later bumps are not
// in this table; dates after the last entry print its version (inferred, not seen verbatim).
import { verb } from './verb.ts';

const BUILTINS_VERSIONS: readonly { since: string; version: string }[] = [
  { since: '0000-00-00', version: '0.1.103' }, // rust-lang/rust#117581, 2023-11-04
  { since: '2024-01-14', version: '0.1.105' },
  { since: '2024-08-08', version: '0.1.118' },
];

export function compilerBuiltinsVersion(date: string): string {
  let v = BUILTINS_VERSIONS[0]!.version;
  for (const e of BUILTINS_VERSIONS) if (date >= e.since) v = e.version;
  return v;
}

/** The three `Compiling` lines, given the rust-src library folder (`…/lib/rustlib/src/rust/library`). */
export function stdCompilingLines(librarySrc: string, date: string): { core: string; workspaceCore: string; builtins: string } {
  return {
    core: verb('Compiling', `core v0.0.0 (${librarySrc}/core)`),
    workspaceCore: verb('Compiling', `rustc-std-workspace-core v1.99.0 (${librarySrc}/rustc-std-workspace-core)`),
    builtins: verb('Compiling', `compiler_builtins v${compilerBuiltinsVersion(date)}`),
  };
}
