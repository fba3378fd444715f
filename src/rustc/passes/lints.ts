// The lints the checking passes can fire, with rustc 1.95's default levels and the groups each
// belongs to (a group name in `#[allow(unused)]` sets all its members). Levels are looked up
// per lint in lint-levels.ts.

export type LintLevel = 'allow' | 'warn' | 'deny' | 'forbid';

export interface LintInfo {
  readonly level: LintLevel;
  /** The group rustc names in its "on by default" note (`(part of `#[warn(unused)]`)`). */
  readonly group?: string;
}

export const LINTS = {
  unused_variables: { level: 'warn', group: 'unused' },
  unused_imports: { level: 'warn', group: 'unused' },
  unused_labels: { level: 'warn', group: 'unused' },
  unknown_lints: { level: 'warn' },
  redundant_semicolons: { level: 'warn', group: 'unused' },
  unused_doc_comments: { level: 'warn', group: 'unused' },
  path_statements: { level: 'warn', group: 'unused' },
  unused_must_use: { level: 'warn', group: 'unused' },
  unused_comparisons: { level: 'warn' },
  while_true: { level: 'warn' },
  unused_assignments: { level: 'warn', group: 'unused' },
  unused_mut: { level: 'warn', group: 'unused' },
  unused_unsafe: { level: 'warn', group: 'unused' },
  unused_parens: { level: 'warn', group: 'unused' },
  unused_braces: { level: 'warn', group: 'unused' },
  dead_code: { level: 'warn', group: 'unused' },
  unreachable_code: { level: 'warn', group: 'unused' },
  unreachable_patterns: { level: 'warn', group: 'unused' },
  non_snake_case: { level: 'warn', group: 'nonstandard_style' },
  non_camel_case_types: { level: 'warn', group: 'nonstandard_style' },
  non_upper_case_globals: { level: 'warn', group: 'nonstandard_style' },
  overflowing_literals: { level: 'deny' },
  arithmetic_overflow: { level: 'deny' },
  unconditional_panic: { level: 'deny' },
  unsafe_code: { level: 'allow' },
  private_interfaces: { level: 'warn' },
  static_mut_refs: { level: 'warn', group: 'rust_2024_compatibility' },
  unsafe_op_in_unsafe_fn: { level: 'allow', group: 'rust_2024_compatibility' },
} as const satisfies Record<string, LintInfo>;

export type LintName = keyof typeof LINTS;

export type Edition = '2015' | '2018' | '2021' | '2024';

/** Default levels that Rust 2024 raises. */
export const EDITION_2024_LEVELS: Partial<Record<LintName, LintLevel>> = {
  static_mut_refs: 'deny',
  unsafe_op_in_unsafe_fn: 'warn',
};

/** A lint's default level in an edition. */
export function defaultLevel(lint: LintName, edition: Edition): LintLevel {
  const info: LintInfo = LINTS[lint];
  return (edition === '2024' ? EDITION_2024_LEVELS[lint] : undefined) ?? info.level;
}

export function isLintName(name: string): name is LintName {
  return Object.prototype.hasOwnProperty.call(LINTS, name);
}

/** Groups a level attribute may name, besides single lints. `warnings` is every lint that would warn. */
export const LINT_GROUPS: ReadonlySet<string> = new Set(['unused', 'nonstandard_style', 'rust_2024_compatibility', 'warnings']);

/** Whether `name` in an attribute sets `lint` (the lint itself or one of its groups). */
export function nameCovers(name: string, lint: LintName): boolean {
  if (name === lint) return true;
  const info: LintInfo = LINTS[lint];
  return info.group === name;
}
