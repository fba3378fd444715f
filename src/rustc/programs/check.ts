// One Bootlab build of one program, booted and compared with an expected outcome: the step both
// test files and status.ts share. Returns where it stopped when it does not match.
import { bootlabBuild, type Stage } from './bootlab-build.ts';
import { bootKernel, differences, type Mode, type Outcome, type Program } from './harness.ts';

export type CheckResult = { ok: true; outcome: Outcome } | { ok: false; stage: Stage; message: string; outcome?: Outcome };

export function checkBootlab(program: Program, mode: Mode, expected: Outcome): CheckResult {
  let build;
  try {
    build = bootlabBuild(program, mode);
  } catch (e) {
    // The driver promises never to throw; if it does, that is the driver's bug to report.
    return { ok: false, stage: 'driver', message: `exception: ${e instanceof Error ? e.message : String(e)}` };
  }
  if (!build.ok) return build;
  let outcome: Outcome;
  try {
    outcome = bootKernel(build.elf, program.budget);
  } catch (e) {
    return { ok: false, stage: 'boot', message: e instanceof Error ? e.message : String(e) };
  }
  const diff = differences(expected, outcome);
  if (diff.length > 0) return { ok: false, stage: 'run', message: diff.join('; '), outcome };
  return { ok: true, outcome };
}
