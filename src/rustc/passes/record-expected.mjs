// Records what the host rustc reports for each testdata program into testdata/NAME.expected.json,
// so the unit test (which has no rustc) compares our diagnostics with rustc's. Run it again when
// a program changes: node src/rustc/passes/record-expected.mjs
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';

const dir = join(dirname(fileURLToPath(import.meta.url)), 'testdata');
for (const f of readdirSync(dir).filter((f) => f.endsWith('.rs')).sort()) {
  const src = readFileSync(join(dir, f), 'utf8');
  const crateType = /^\/\/ crate-type: bin/m.test(src) ? 'bin' : 'lib';
  const edition = /^\/\/ edition: (\d+)/m.exec(src)?.[1] ?? '2021';
  const run = spawnSync('rustc', ['--edition', edition, '--crate-type', crateType, '--error-format=json', '-C', 'panic=abort', '--emit=obj', '-o', join(tmpdir(), 'passes-oracle.o'), f], { cwd: dir, encoding: 'utf8' });
  const out = run.stderr;
  const diags = [];
  for (const line of out.split('\n')) {
    if (!line.trim()) continue;
    const d = JSON.parse(line);
    if (/^\d+ warnings? emitted$/.test(d.message) || d.message.startsWith('aborting due to') || d.message.startsWith('Some errors have') || d.message.startsWith('For more information')) continue;
    const p = d.spans.find((s) => s.is_primary);
    diags.push({ level: d.level, code: d.code?.code ?? null, message: d.message, line: p?.line_start ?? 0, col: p?.column_start ?? 0, rendered: d.rendered });
  }
  writeFileSync(join(dir, f.replace(/\.rs$/, '.expected.json')), JSON.stringify(diags, null, 1) + '\n');
  console.log(f, crateType, diags.map((d) => `${d.level}${d.code ? `[${d.code}]` : ''} ${d.line}:${d.col} ${d.message}`).join('\n   '));
}
