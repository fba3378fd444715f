// Scratch runner for one program file: `npx tsx src/rustc/programs/run-one.ts FILE.rs [debug|release]`
// builds it (with the prelude appended unless it says `// prelude: none`) with the host's rustc
// when there is one and with Bootlab, boots both and prints their outcomes and the differences.
// For reducing a failure of the suite to the few lines FINDINGS.md shows the owners.
import { readFileSync } from 'node:fs';
import { bootlabBuild } from './bootlab-build.ts';
import { bootKernel, differences, preludeText, type Mode, type Outcome, type Program } from './harness.ts';
import { hostRustcAvailable, rustcBuild } from './rustc-build.ts';

const [file, modeArg] = process.argv.slice(2);
if (!file) {
  console.error('usage: run-one.ts FILE.rs [debug|release]');
  process.exit(2);
}
const mode: Mode = modeArg === 'release' ? 'release' : 'debug';
const text = readFileSync(file, 'utf8');
const withPrelude = !/^\/\/ prelude: none$/m.test(text);
const program: Program = { name: 'run-one', text, source: withPrelude ? `${text}\n${preludeText()}` : text, modes: [mode], budget: withPrelude ? 60_000_000 : 5_000_000 };

const show = (who: string, o: Outcome) => console.log(`${who}: ${o.stop} ${o.exitCode ?? ''}\n${o.serial}`);
let reference: Outcome | undefined;
if (hostRustcAvailable()) {
  const r = rustcBuild('run-one', program.source, mode);
  if (r.ok) show('rustc', (reference = bootKernel(r.elf, program.budget)));
  else console.log(`rustc failed:\n${r.stderr}`);
}
const b = bootlabBuild(program, mode);
if (!b.ok) {
  console.log(`bootlab: ${b.stage}: ${b.message}`);
} else {
  const o = bootKernel(b.elf, program.budget);
  show('bootlab', o);
  if (reference) console.log(differences(reference, o).join('\n') || 'same screen, serial and exit');
}
