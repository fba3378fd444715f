// Runs the lowering oracle's programs natively with the host's rustc (std), all in one binary
// per build, printing `value N` or `panic LINE:COL: MSG` per program.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROGRAMS } from './programs.ts';

export const HOST_HEADER = '#![allow(unused, arithmetic_overflow, unconditional_panic, unused_mut)]';

/**
 * All programs in one host binary per build (rustc is slow to start): each in its own module,
 * its lines mapped back to the program's own numbering (ours: line 1 is the header line).
 */
export function hostRunAll(release: boolean): string[] {
  let text = HOST_HEADER.replace(/\]$/, ']\n');
  const starts: number[] = [];
  PROGRAMS.forEach((p, i) => {
    starts.push(text.split('\n').length);
    text += `mod p${i} {${p.source}\n}\n`;
  });
  const calls = PROGRAMS.map((_, i) => `    println!("=== ${i}");\n    if let Ok(v) = std::panic::catch_unwind(|| p${i}::run()) { println!("value {}", v); }`).join('\n');
  text += `fn main() {
    std::panic::set_hook(Box::new(|info| {
        let msg = if let Some(s) = info.payload().downcast_ref::<&str>() { s.to_string() } else if let Some(s) = info.payload().downcast_ref::<String>() { s.clone() } else { String::new() };
        let loc = info.location().unwrap();
        println!("panic {}:{}: {}", loc.line(), loc.column(), msg);
    }));
${calls}
}
`;
  const dir = mkdtempSync(join(tmpdir(), 'lower-oracle-'));
  writeFileSync(join(dir, 'main.rs'), text);
  const flags = release ? ['-O'] : ['-C', 'opt-level=0', '-C', 'overflow-checks=on'];
  execFileSync('rustc', ['--edition', '2021', ...flags, '-o', join(dir, 'main'), join(dir, 'main.rs')], { stdio: 'pipe' });
  const out = execFileSync(join(dir, 'main'), { encoding: 'utf8' }).split(/=== \d+\n/).slice(1).map((x) => x.trim());
  return out.map((line, i) => line.replace(/^panic (\d+):/, (_m, l: string) => `panic ${Number(l) - starts[i]! + 1}:`));
}

