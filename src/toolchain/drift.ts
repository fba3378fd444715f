// Toolchain drift: the changes between the nightly of the post's era and today's toolchains that
// touch the post's files. A plain `nightly` behaves as the post's era (so the post works as
// written); `nightly-YYYY-MM-DD` behaves as that date. Dates are the first nightly with the
// change, from the sources named in each entry (GitHub threads found with the search tool).
import { TODAYS_TARGET_SPEC_RULES, type TargetSpecRules } from './config/targetSpec.ts';

export interface DriftEntry {
  id:
    | 'data-layout-check'
    | 'integer-widths'
    | 'serde-target-spec'
    | 'target-spec-error-format'
    | 'rustc-abi'
    | 'softfloat-rename'
    | 'json-target-spec'
    | 'cargo-finished-profile';
  /** First nightly (YYYY-MM-DD) that behaves the new way. */
  since: string;
  /** What changed, for a learner. */
  change: string;
  /** Where the date comes from. */
  source: string;
}

export const DRIFT: readonly DriftEntry[] = [
  {
    id: 'cargo-finished-profile',
    since: '2024-01-05',
    change: 'cargo prints `Finished `dev` profile [unoptimized + debuginfo] target(s) in …` instead of `Finished dev [unoptimized + debuginfo] target(s) in …`',
    source: 'cargo 1.77 changelog (the 1.77 nightly cycle ran from late December 2023); the exact first nightly is approximate',
  },
  {
    id: 'data-layout-check',
    since: '2024-02-01',
    change: 'LLVM 18 adds `p270:32:32-p271:32:32-p272:64:64` and `i128:128` to the x86-64 layout, and rustc requires a target file’s `data-layout` to equal LLVM’s',
    source: 'rust-lang/rust#120062 (exact data-layout check); rust-osdev/x86_64#454 (2024-02-02) fixed its target file for the then-current nightly',
  },
  {
    id: 'rustc-abi',
    since: '2025-02-04',
    change: '`+soft-float` in `features` needs `"rustc-abi": "x86-softfloat"`; otherwise `target feature `soft-float` is incompatible with the ABI`',
    source: 'rust-lang/rust#136146 (Explicitly choose x86 softfloat/hardfloat ABI); rust-osdev/bootloader#492 (2025-02-04, "with the latest nightly"); phil-opp/blog_os#1392, #1393',
  },
  {
    id: 'target-spec-error-format',
    since: '2025-04-01',
    change: 'load errors read `error: error loading target specification: …` with a `= help: run `rustc --print target-list`…` line, instead of one line `error: Error loading target specification: …. Run `rustc --print target-list` for a list of built-in targets`',
    source: 'approximate: phil-opp/blog_os#1392 (2025-02-09) shows the old form, rust-vmm/xen#13 (2025-06-02) the new one; the day in between is a guess',
  },
  {
    id: 'serde-target-spec',
    since: '2025-07-27',
    change: 'target files are read by serde: unknown fields are errors (before: `warning: target json file contains unused fields: …`), messages such as `missing field `arch`` with a line and column (before: `Field arch in target specification is required`)',
    source: 'rust-lang/rust#144218 (Use serde for target spec json deserialize, opened 2025-07-20, merged into the same nightly as #144443); merge day approximate',
  },
  {
    id: 'integer-widths',
    since: '2025-07-27',
    change: '`target-pointer-width` and `target-c-int-width` must be JSON numbers (`64`, `32`), not strings',
    source: 'rust-lang/rust#144443 (Make target pointer width in target json an integer, opened and approved 2025-07-25; merge day approximate); blog_os issues #1425, #1426, #1436',
  },
  {
    id: 'json-target-spec',
    since: '2026-02-01',
    change: 'cargo refuses `.json` targets unless `-Zjson-target-spec` (or `[unstable] json-target-spec = true`) is given',
    source: 'rust-lang/cargo#16557 (merged 2026-01-25, cargo 1.95); rust-osdev/bootloader#536/#537 ("nightly versions starting with 2026-02-01 require this flag")',
  },
  {
    id: 'softfloat-rename',
    since: '2026-07-05',
    change: '`"rustc-abi": "x86-softfloat"` is refused; the ABI is called `softfloat`',
    source: 'rust-lang/rust#157151 (removed the alias); rust-osdev/bootloader#568/#569 and phil-opp/blog_os#1484 (2026-07-06: "nightlies from 2026-07-05 onward")',
  },
];

/** The date a plain `nightly` behaves as: the post's era, after every change the post's text assumes and before the first that breaks its files. */
export const POST_ERA_NIGHTLY = '2024-01-25';

/** Is this change in effect for a toolchain of this date? */
export function hasChange(date: string, id: DriftEntry['id']): boolean {
  const entry = DRIFT.find((e) => e.id === id);
  return entry !== undefined && date >= entry.since;
}

/** rustc's target-spec checks as of this date. */
export function targetSpecRulesAt(date: string): TargetSpecRules {
  if (date >= '2026-07-05') return TODAYS_TARGET_SPEC_RULES;
  return {
    integerWidths: hasChange(date, 'integer-widths'),
    dataLayoutMustMatch: hasChange(date, 'data-layout-check'),
    featuresAgainstAbi: hasChange(date, 'rustc-abi'),
    x86SoftfloatAlias: !hasChange(date, 'softfloat-rename'),
  };
}

/** The drift entries that differ between two dates (for `rustup show`-style explanations and tests). */
export function changesBetween(from: string, to: string): DriftEntry[] {
  const [a, b] = from <= to ? [from, to] : [to, from];
  return DRIFT.filter((e) => e.since > a && e.since <= b);
}
