// The runtime differential suite without rustc (npm test): every program of cases/ built by
// Bootlab (debug and release), booted in our machine, must leave the screen, serial output and
// exit code that the host rustc's build left (recorded in expected/ by programs.oracle.test.ts).
// Programs our compiler does not handle yet are listed in known-failures.json (see STATUS.md).
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSysroot } from '../driver/index.ts';
import { differences, loadPrograms, readExpected } from './harness.ts';
import { helperObject, PORTS_ASM } from './ports.ts';
import { checkBootlab } from './check.ts';
import { isKnownFailure, knownFailures } from './known-failures.ts';

const programs = loadPrograms();
const known = knownFailures();

// A program's build and run take well under a second; building core and compiler_builtins once
// per mode takes a few seconds more, done first so no single test carries it.
const TEST_TIMEOUT = 30_000;

describe('test programs: Bootlab builds against rustc\'s recorded runs', () => {
  beforeAll(() => {
    buildSysroot({ release: false, memFeature: true });
    buildSysroot({ release: true, memFeature: true });
  }, 120_000);

  it('every program has a recorded outcome for each of its modes', () => {
    if (!process.env.PROGRAMS) expect(programs.length).toBeGreaterThanOrEqual(60);
    for (const p of programs) {
      const rec = readExpected(p.name);
      expect(rec, p.name).toBeDefined();
      for (const mode of p.modes) expect(rec![mode], `${p.name} ${mode}`).toBeDefined();
    }
  });

  it('the ports object defines outb, inb, outl and inl at the offsets its table gives', () => {
    const obj = helperObject(PORTS_ASM);
    const names = obj.symbols.filter((s) => s.name !== '' && s.type === 2).map((s) => [s.name, Number(s.value)]);
    expect(names).toEqual([['outb', 0], ['inb', 6], ['outl', 12], ['inl', 18]]);
  });

  for (const p of programs) {
    for (const mode of p.modes) {
      const test = isKnownFailure(known, p.name, mode) ? it.fails : it;
      test(`${p.name} (${mode})`, () => {
        const expected = readExpected(p.name)?.[mode];
        if (!expected) throw new Error('no recorded outcome');
        const result = checkBootlab(p, mode, expected);
        if (!result.ok) expect.fail(`${result.stage}: ${result.message}`);
        expect(differences(expected, result.outcome)).toEqual([]);
      }, TEST_TIMEOUT);
    }
  }
});
