// The adversarial programs (adversarial/*.rs) through the whole compiler: diagnostics or a
// compiled crate, never an exception or an internal compiler error. Known failures (listed in
// adversarial.ts and CRASHES.md, for their owners) are skipped until fixed.
import { describe, expect, it } from 'vitest';
import { compileForDiagnostics, isInternalError } from '../negative/compile.ts';
import { adversarialPrograms, KNOWN_FAILURES } from './adversarial.ts';

describe('adversarial programs', () => {
  const programs = adversarialPrograms();
  it('has the suite', () => expect(programs.length).toBeGreaterThanOrEqual(20));
  for (const { file, source } of programs) {
    const known = KNOWN_FAILURES[file];
    (known ? it.skip : it)(`${file}${known ? ` (known: ${known})` : ''}: diagnostics or code, no crash`, () => {
      const outcome = compileForDiagnostics(source, file);
      expect(outcome.crash?.stack).toBeUndefined();
      expect(outcome.diagnostics.filter(isInternalError).map((d) => d.message)).toEqual([]);
    }, 60_000);
  }
});
