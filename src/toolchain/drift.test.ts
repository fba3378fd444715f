import { describe, expect, it } from 'vitest';
import { rustcLoadError, validateTargetSpec } from './config/targetSpec.ts';
import { DRIFT, POST_ERA_NIGHTLY, changesBetween, targetSpecRulesAt } from './drift.ts';
import { TARGET_JSON_POST_ERA, TARGET_JSON_TODAY } from './cargo/testdata/post-project.ts';

const firstError = (json: string, date: string) => {
  const r = validateTargetSpec(json, 'x86_64-blog_os.json', targetSpecRulesAt(date));
  return rustcLoadError(json, r);
};

describe('toolchain drift', () => {
  it('every entry has a date and a source, in date order', () => {
    for (const e of DRIFT) {
      expect(e.since).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(e.source.length).toBeGreaterThan(10);
    }
    expect([...DRIFT].map((e) => e.since)).toEqual([...DRIFT].map((e) => e.since).sort());
  });

  it("the post's target file loads on the post's nightly", () => {
    expect(firstError(TARGET_JSON_POST_ERA, POST_ERA_NIGHTLY)).toBeUndefined();
  });

  it("each later nightly rejects the post's file for the reason of its time", () => {
    expect(firstError(TARGET_JSON_POST_ERA, '2024-06-01')).toMatch(/^error: data-layout for target `x86_64-blog_os-[0-9a-f]{16}`, `e-m:e-i64:64-f80:128-n8:16:32:64-S128`, differs from LLVM target's `x86_64-unknown-none` default layout/);
    const fixedLayout = TARGET_JSON_POST_ERA.replace('e-m:e-i64:64-f80:128-n8:16:32:64-S128', 'e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128');
    expect(firstError(fixedLayout, '2024-06-01')).toBeUndefined();
    expect(firstError(fixedLayout, '2025-03-01')).toBe('error: target feature `soft-float` is incompatible with the ABI but gets enabled in target spec\n');
    const withAbi = fixedLayout.replace('"features"', '"rustc-abi": "x86-softfloat",\n    "features"');
    expect(firstError(withAbi, '2025-03-01')).toBeUndefined();
    expect(firstError(withAbi, '2025-09-01')).toMatch(/^error: error loading target specification: target-pointer-width: invalid type: string "64", expected u16 at line 6 column 32\n/);
    const numbers = withAbi.replace('"64"', '64').replace('"32"', '32');
    expect(firstError(numbers, '2025-09-01')).toBeUndefined();
    expect(firstError(numbers, '2026-07-05')).toMatch(/rustc-abi: invalid rustc abi: 'x86-softfloat'/);
    expect(firstError(TARGET_JSON_TODAY, '2026-07-05')).toBeUndefined();
  });

  it('lists the changes between two dates', () => {
    expect(changesBetween(POST_ERA_NIGHTLY, '2026-11-01').map((e) => e.id)).toEqual(['data-layout-check', 'rustc-abi', 'target-spec-error-format', 'serde-target-spec', 'integer-widths', 'json-target-spec', 'softfloat-rename']);
  });
});
