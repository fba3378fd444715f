// Teaching notes for toolchain drift: where a file is fine for the toolchain the project selects
// but a later nightly refuses it, the editor shows a note (never an error) naming the first
// nightly with the change and what changed, from the table in src/toolchain/drift.ts. Each
// change is switched on in date order, so a refusal is put down to the change that brings it.
import { DRIFT, type DriftEntry } from '../drift.ts';
import type { Diagnostic } from './diagnostic.ts';
import { TODAYS_TARGET_SPEC_RULES, validateTargetSpec, type TargetSpecRules } from './targetSpec.ts';

/** The drift entry behind each of rustc's target-file rules. */
const RULE_OF: Partial<Record<DriftEntry['id'], keyof TargetSpecRules>> = {
  'data-layout-check': 'dataLayoutMustMatch',
  'rustc-abi': 'featuresAgainstAbi',
  'integer-widths': 'integerWidths',
  'softfloat-rename': 'x86SoftfloatAlias',
};

const key = (d: Diagnostic) => `${d.start}:${d.end}:${d.message}`;
const errorsOf = (text: string, file: string, rules: TargetSpecRules) =>
  validateTargetSpec(text, file, rules).diagnostics.filter((d) => d.severity === 'error');

/**
 * Notes for a target file checked with `rules` (those of `date`, the selected toolchain's):
 * each error a later nightly would report that this toolchain does not, at most one per place.
 * `toolchain` names the selected toolchain for the learner (`nightly`, `nightly-2025-01-01`).
 */
export function targetSpecDriftHints(text: string, file: string, rules: TargetSpecRules, date: string, toolchain: string): Diagnostic[] {
  const later = DRIFT.filter((e) => e.since > date && RULE_OF[e.id] !== undefined && rules[RULE_OF[e.id]!] !== TODAYS_TARGET_SPEC_RULES[RULE_OF[e.id]!]);
  if (later.length === 0) return [];
  const seen = new Set(errorsOf(text, file, rules).map(key));
  const placed = new Set<number>();
  const out: Diagnostic[] = [];
  let step = rules;
  for (const entry of [...later].sort((a, b) => a.since.localeCompare(b.since))) {
    const field = RULE_OF[entry.id]!;
    step = { ...step, [field]: TODAYS_TARGET_SPEC_RULES[field] };
    for (const err of errorsOf(text, file, step)) {
      if (seen.has(key(err))) continue;
      seen.add(key(err));
      if (placed.has(err.start)) continue;
      placed.add(err.start);
      out.push({
        severity: 'info',
        source: 'bootlab',
        start: err.start,
        end: err.end,
        message: `${toolchain} (behaving as ${date}) accepts this; nightlies from ${entry.since} refuse it: ${err.message}`,
        notes: [`What changed: ${entry.change}.`, `Source: ${entry.source}.`],
      });
    }
  }
  return out;
}

/**
 * The editor checks `.cargo/config.toml` by today's cargo; before `-Zjson-target-spec` existed
 * its absence is no error, only a note about the later change.
 */
export function jsonTargetSpecHint(d: Diagnostic, date: string, toolchain: string): Diagnostic {
  const entry = DRIFT.find((e) => e.id === 'json-target-spec')!;
  return {
    ...d,
    severity: 'info',
    source: 'bootlab',
    message: `${toolchain} (behaving as ${date}) accepts this; nightlies from ${entry.since} refuse it: ${d.message}`,
    notes: [`What changed: ${entry.change}.`, `Source: ${entry.source}.`],
  };
}
