// The runtime differential suite against the host's rustc (issue 6's first acceptance line):
// every program of cases/ (with the prelude) is built by rustc and by Bootlab, in debug and in
// release, both wrapped by our bootloader and booted in Bootlab's machine: the whole VGA text
// buffer (characters and attributes), the serial output and the exit code must be the same.
// UPDATE_EXPECTED=1 records rustc's outcomes in expected/NAME.json (programs.test.ts compares
// Bootlab's builds with them when rustc is absent); otherwise the records must match rustc.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bootKernel, differences, loadPrograms, readExpected, writeExpected, type Mode, type Outcome, type Recorded } from './harness.ts';
import { assembleHelper, helperSource, MEM_ASM, PORTS_ASM } from './ports.ts';
import { hostRustcAvailable, rustcBuild } from './rustc-build.ts';
import { checkBootlab } from './check.ts';
import { isKnownFailure, knownFailures } from './known-failures.ts';

const update = process.env.UPDATE_EXPECTED === '1';
const programs = loadPrograms();
const known = knownFailures();
const rustcOutcomes = new Map<string, Outcome>();

describe.skipIf(!hostRustcAvailable())('test programs: rustc and Bootlab, same screen, serial and exit code', () => {
  it('has at least 60 programs', () => {
    if (!process.env.PROGRAMS) expect(programs.length).toBeGreaterThanOrEqual(60);
  });

  it.each([PORTS_ASM, MEM_ASM])('nasm assembles $file to the bytes our assembler gives', (helper) => {
    const dir = mkdtempSync(join(tmpdir(), 'bootlab-ports-'));
    writeFileSync(join(dir, helper.file), helperSource(helper));
    execFileSync('nasm', ['-f', 'bin', join(dir, helper.file), '-o', join(dir, 'out.bin')]);
    expect(Buffer.from(assembleHelper(helper)).equals(readFileSync(join(dir, 'out.bin')))).toBe(true);
  });

  describe('rustc builds (the reference)', () => {
    for (const p of programs) {
      it(`${p.name}: rustc builds it without warnings in ${p.modes.join(' and ')}, and the record is rustc's run`, () => {
        const recorded: Recorded = {};
        for (const mode of p.modes) {
          const build = rustcBuild(p.name, p.source, mode);
          if (!build.ok) throw new Error(`rustc failed (${mode}):\n${build.stderr}`);
          expect(build.warnings, `rustc warnings (${mode})`).toEqual([]);
          const outcome = bootKernel(build.elf, p.budget);
          rustcOutcomes.set(`${p.name}/${mode}`, outcome);
          recorded[mode] = outcome;
        }
        if (update) writeExpected(p.name, recorded);
        else expect(readExpected(p.name), 'expected/ record (UPDATE_EXPECTED=1 rewrites it)').toEqual(recorded);
      });
    }
  });

  describe('Bootlab builds', () => {
    for (const p of programs) {
      for (const mode of p.modes) {
        const test = isKnownFailure(known, p.name, mode) ? it.fails : it;
        test(`${p.name} (${mode}): Bootlab's build behaves as rustc's`, () => {
          const expected = rustcOutcomes.get(`${p.name}/${mode}`) ?? readExpected(p.name)?.[mode as Mode];
          if (!expected) throw new Error('no rustc outcome');
          const result = checkBootlab(p, mode, expected);
          if (!result.ok) expect.fail(`${result.stage}: ${result.message}`);
          expect(differences(expected, result.outcome)).toEqual([]);
        });
      }
    }
  });
});
