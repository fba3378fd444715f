// Which toolchain applies to the project and which rules that means. cargo in the terminal and
// the editor's live checks both ask this one function, so the Problems panel never judges a file
// by a toolchain other than the one `cargo build` would run (rust-toolchain file, `rustup
// override`, default; `+name` on cargo's command line).
import type { Vfs } from '../vfs.ts';
import { TODAYS_TARGET_SPEC_RULES, type TargetSpecRules } from '../config/targetSpec.ts';
import { targetSpecRulesAt } from '../drift.ts';
import { HOST, isNightly, toolchainDate, type Toolchain } from './toolchain.ts';
import { loadState, resolveToolchain, type Resolution, type RustupState } from './state.ts';

export interface ToolchainRules {
  /** rustup's answer; when it fails, cargo stops with `message` and the editor shows the file's own error */
  resolution: Resolution;
  /** the toolchain that runs, when rustup found one */
  toolchain?: Toolchain;
  /** the date whose behaviour it has (src/toolchain/drift.ts); undefined when no toolchain applies */
  date?: string;
  nightly: boolean;
  /** rustc's target-file checks for that date (today's when no toolchain applies) */
  targetSpec: TargetSpecRules;
}

export interface RulesQuery {
  /** the shell directory ('' is the project's root) */
  cwd?: string;
  /** `cargo +name` */
  plus?: string;
  /** rustup's state, when the caller already loaded it (cargo saves it again afterwards) */
  state?: RustupState;
}

export function toolchainRules(vfs: Vfs, query: RulesQuery = {}): ToolchainRules {
  const state = query.state ?? loadState(vfs);
  const resolution = resolveToolchain(vfs, state, query.cwd ?? '', query.plus);
  if (!resolution.ok) return { resolution, nightly: false, targetSpec: TODAYS_TARGET_SPEC_RULES };
  const toolchain = resolution.active.toolchain;
  const date = toolchainDate(toolchain);
  return { resolution, toolchain, date, nightly: isNightly(toolchain), targetSpec: targetSpecRulesAt(date) };
}

/** `nightly`, `nightly-2025-03-01`, `stable`: the name a learner wrote, without the host triple. */
export function shortName(tc: Toolchain): string {
  return tc.fullName.replace(`-${HOST}`, '');
}
