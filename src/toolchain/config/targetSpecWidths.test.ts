import { describe, expect, it } from 'vitest';
import { POST_ERA_NIGHTLY, targetSpecRulesAt } from '../drift.ts';
import { targetLoadMessages } from '../cargo/targetLoad.ts';
import { targetSpecDriftHints } from './driftHints.ts';
import { validateTargetSpec } from './targetSpec.ts';

// The widths as each era's rustc read them: strings before rust-lang/rust#144443, numbers after.
const spec = (pointer: string, cInt: string) => `{
  "llvm-target": "x86_64-unknown-none",
  "data-layout": "e-m:e-i64:64-f80:128-n8:16:32:64-S128",
  "arch": "x86_64",
  "target-endian": "little",
  "target-pointer-width": ${pointer},
  "target-c-int-width": ${cInt},
  "os": "none"
}
`;
const OLD = targetSpecRulesAt(POST_ERA_NIGHTLY);
const NEW = targetSpecRulesAt('2025-09-01');
const check = (text: string, rules = OLD) =>
  validateTargetSpec(text, 'x86_64-blog_os.json', rules).diagnostics.map((d) => [d.severity, d.message, text.slice(d.start, d.end)]);

describe('target-pointer-width and target-c-int-width by era', () => {
  it('the old loader takes the widths as strings only', () => {
    expect(check(spec('"64"', '"32"'))).toEqual([]);
    expect(check(spec('"+64"', '"32"'))).toEqual([]); // Rust's parse::<u32>() takes a leading +
    expect(check(spec('64', '"32"'))).toEqual([['error', 'Field target-pointer-width in target specification is required', '64']]);
    expect(check(spec('true', '"32"'))).toEqual([['error', 'Field target-pointer-width in target specification is required', 'true']]);
    expect(check(spec('"sixty-four"', '"32"'))).toEqual([['error', 'target-pointer-width must be an integer', '"sixty-four"']]);
    expect(check(spec('"4294967296"', '"32"'))).toEqual([['error', 'target-pointer-width must be an integer', '"4294967296"']]);
  });

  it('the old loader ignores a c-int width that is not a string, and parses the string later', () => {
    const [note, ...rest] = check(spec('"64"', '32'));
    expect(rest).toEqual([]);
    expect(note![0]).toBe('info');
    expect(note![1]).toMatch(/ignores a target-c-int-width that is not a string/);
    expect(check(spec('"64"', '"int"'))).toEqual([['error', 'failed to parse c_int_width', '"int"']]);
    expect(check(spec('"64"', '"33"'))).toEqual([['error', 'rust does not support integers with 33 bits', '"33"']]);
  });

  it('the serde loader takes numbers only', () => {
    const widths = (text: string) => check(text, NEW).filter(([, m]) => !String(m).startsWith('data-layout'));
    expect(widths(spec('64', '32'))).toEqual([]);
    expect(widths(spec('"64"', '32'))).toEqual([['error', 'target-pointer-width: invalid type: string "64", expected u16', '"64"']]);
    expect(widths(spec('64', '"32"'))).toEqual([['error', 'target-c-int-width: invalid type: string "32", expected u16', '"32"']]);
  });

  it('cargo prints the old loader’s refusal in that era’s wrapper', () => {
    const text = spec('64', '32');
    const r = validateTargetSpec(text, 'x86_64-blog_os.json', OLD);
    expect(r.ok).toBe(false);
    expect(targetLoadMessages(text, r, POST_ERA_NIGHTLY).error).toBe(
      'error: Error loading target specification: Field target-pointer-width in target specification is required. ' +
        'Run `rustc --print target-list` for a list of built-in targets\n',
    );
    const bad = spec('"sixty-four"', '"32"');
    expect(targetLoadMessages(bad, validateTargetSpec(bad, 'x86_64-blog_os.json', OLD), POST_ERA_NIGHTLY).error).toMatch(
      /^error: Error loading target specification: target-pointer-width must be an integer\. Run/,
    );
  });

  it('drift notes: strings under the old era point at the change; numbers under the old era are errors, not notes', () => {
    const hints = (text: string) => targetSpecDriftHints(text, 'x86_64-blog_os.json', OLD, POST_ERA_NIGHTLY, '`nightly`');
    const strings = spec('"64"', '"32"');
    const widthNotes = hints(strings).filter((d) => d.message.includes('from 2025-07-27'));
    expect(widthNotes.map((d) => strings.slice(d.start, d.end))).toEqual(['"64"', '"32"']);
    expect(hints(spec('64', '32')).filter((d) => d.message.includes('from 2025-07-27'))).toEqual([]);
  });
});
