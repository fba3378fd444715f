import { describe, expect, it } from 'vitest';
import { targetSpecRulesAt, POST_ERA_NIGHTLY } from '../drift.ts';
import { targetSpecDriftHints } from './driftHints.ts';
import { validateTargetSpec } from './targetSpec.ts';
import { TARGET_JSON_POST_ERA } from '../cargo/testdata/post-project.ts';

// the target file as the post wrote it in its era: no p270 entries, widths as strings, no rustc-abi
const POST_SPEC = TARGET_JSON_POST_ERA;

const hints = (date: string) => targetSpecDriftHints(POST_SPEC, 'x86_64-blog_os.json', targetSpecRulesAt(date), date, '`nightly`');

describe('drift notes for a target file', () => {
  it('the post’s era accepts the post’s file; every later refusal is a note with its change’s date', () => {
    expect(validateTargetSpec(POST_SPEC, 'x86_64-blog_os.json', targetSpecRulesAt(POST_ERA_NIGHTLY)).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const notes = hints(POST_ERA_NIGHTLY);
    expect(notes.length).toBeGreaterThanOrEqual(3);
    expect(notes.every((d) => d.severity === 'info' && d.source === 'bootlab')).toBe(true);
    const about = (field: string) => notes.find((d) => POST_SPEC.slice(d.start, d.end).includes(field) || d.message.includes(field));
    expect(about('data-layout')!.message).toContain('nightlies from 2024-02-01 refuse it');
    expect(about('target-pointer-width')!.message).toContain('nightlies from 2025-07-27 refuse it');
    expect(notes.some((d) => d.message.includes('nightlies from 2025-02-04') && /soft-float/.test(d.message))).toBe(true);
    // at most one note per place
    expect(new Set(notes.map((d) => d.start)).size).toBe(notes.length);
  });

  it('names only the changes after the selected date', () => {
    const notes = hints('2025-03-01');
    expect(notes.map((d) => d.message.match(/from (\d{4}-\d{2}-\d{2})/)![1])).toEqual(expect.arrayContaining(['2025-07-27']));
    expect(notes.some((d) => d.message.includes('2024-02-01') || d.message.includes('2025-02-04'))).toBe(false);
    expect(hints('2026-08-01')).toEqual([]);
  });
});
