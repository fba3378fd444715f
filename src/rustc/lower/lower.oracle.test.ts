// Lowering against the host's rustc: each program of testdata/programs.ts is compiled natively
// (std; debug with overflow checks, and -O) and printed as `value N` or `panic LINE:COL: MSG`;
// Bootlab parses, type-checks (with our core) and lowers the same source, and the IR
// interpreter runs `run()`. Values must be equal; panics must have the same location and the
// same message (ours stops at the first `{}` where rustc prints a runtime number).
import { describe, expect, it, vi } from 'vitest';
import { hostRunAll } from './testdata/host-run.ts';
import { ourRun } from './testdata/our-run.ts';
import { PROGRAMS } from './testdata/programs.ts';

vi.setConfig({ testTimeout: 300_000 });

const hostResults = new Map<boolean, string[]>();
function hostRun(i: number, release: boolean): string {
  if (!hostResults.has(release)) hostResults.set(release, hostRunAll(release));
  return hostResults.get(release)![i]!;
}

/** Our panic messages keep rustc's text up to the first runtime number (`{}`). */
export function agree(ours: string, host: string): boolean {
  const cut = ours.indexOf('{}');
  return cut < 0 ? ours === host : host.startsWith(ours.slice(0, cut));
}

describe('lowering vs the host rustc', () => {
  PROGRAMS.forEach((p, i) => {
    for (const release of [false, true]) {
      it(`${p.name} (${release ? 'release' : 'debug'})`, () => {
        const host = hostRun(i, release);
        const ours = ourRun(p, release);
        expect(agree(ours, host), `ours: ${ours}\nhost: ${host}`).toBe(true);
      });
    }
  });
});
