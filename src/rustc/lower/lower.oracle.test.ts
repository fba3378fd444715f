// Lowering against the host's rustc: each program of testdata/programs.ts is compiled natively
// (std; debug with overflow checks, and -O) and printed as `value N` or `panic LINE:COL: MSG`;
// Bootlab parses, type-checks (with our core) and lowers the same source, and the IR
// interpreter runs `run()`. Values must be equal; panics must have the same location and the
// same message (ours stops at the first `{}` where rustc prints a runtime number).
import { describe, expect, it, vi } from 'vitest';
import { buildSysroot, sourceMapFor } from '../driver/index.ts';
import { parseCrate } from '../driver/parse.ts';
import { runAnalysis } from '../driver/stages.ts';
import { Interpreter, Panic } from '../ir/interpret.ts';
import { lowerCrate } from './index.ts';
import { memExterns } from './test-thir.ts';
import { hostRunAll } from './testdata/host-run.ts';
import { PROGRAMS, type Program } from './testdata/programs.ts';

vi.setConfig({ testTimeout: 300_000 });

const OUR_HEADER = '#![no_std]';

const hostResults = new Map<boolean, string[]>();
function hostRun(i: number, release: boolean): string {
  if (!hostResults.has(release)) hostResults.set(release, hostRunAll(release));
  return hostResults.get(release)![i]!;
}

function ourRun(p: Program, release: boolean): string {
  const sysroot = buildSysroot({ release: false, memFeature: true });
  if (!sysroot.core) throw new Error(`core does not build: ${sysroot.diagnostics.map((d) => d.message).join('; ')}`);
  const sourceMap = sourceMapFor([sysroot.core]);
  const parsed = parseCrate(`${OUR_HEADER}${p.source}\n`, 'src/main.rs', { edition: '2021', sourceMap });
  const analysis = runAnalysis(parsed.ast, { crateName: 'prog', crateType: 'lib', externs: [sysroot.core.def], sourceMap, edition: '2021' });
  const errors = analysis.diagnostics.filter((d) => d.level === 'error');
  if (!analysis.crate || errors.length > 0) throw new Error(`type checking failed: ${errors.map((d) => d.message).join('; ')}`);
  const module = lowerCrate(analysis.crate, { release, panicSymbol: sysroot.core.def.panicEntry!.symbol, sourceMap });
  const run = analysis.crate.fns.find((f) => f.name === 'run' && f.path.length === 1)!;
  try {
    const it: Interpreter = new Interpreter(module, { externs: memExterns(() => it) });
    return `value ${BigInt.asUintN(64, it.call(run.symbol, []))}`;
  } catch (e) {
    if (e instanceof Panic) return `panic ${e.line}:${e.col}: ${e.panicMessage}`;
    throw e;
  }
}

/** Our panic messages keep rustc's text up to the first runtime number (`{}`). */
function agree(ours: string, host: string): boolean {
  const cut = ours.indexOf('{}');
  return cut < 0 ? ours === host : host.startsWith(ours.slice(0, cut));
}

// Until type checking can build our core, there is nothing to compare: the tests are skipped.
const coreBuilds = buildSysroot({ release: false, memFeature: true }).core !== undefined;

describe.skipIf(!coreBuilds)('lowering vs the host rustc', () => {
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
