// One compilation must not leak into the next: the sysroot's `core` is shared by every crate
// compiled in a process (its definitions are the objects calls point at), so a stage that
// mutated them would change what a later program gets. Every negative program is compiled in
// order, then again in reverse order; each must get the same diagnostics both times.
import { describe, expect, it } from 'vitest';
import { renderAllHuman } from '../diagnostics/human.ts';
import { compileForDiagnostics } from '../negative/compile.ts';
import { negativePrograms } from '../negative/programs.ts';

describe('compilations are independent', () => {
  it('each negative program gets the same diagnostics whatever was compiled before it', () => {
    const programs = negativePrograms();
    const run = (p: (typeof programs)[number]) => {
      const o = p.crate ? compileForDiagnostics(p.source, p.crate.root, false, p.crate.files) : compileForDiagnostics(p.source, p.file);
      return `${o.reached}\n${renderAllHuman(o.diagnostics, o.sourceMap)}`;
    };
    const forward = programs.map(run);
    const backward = [...programs].reverse().map(run).reverse();
    const differing = programs.filter((_, i) => forward[i] !== backward[i]).map((p) => p.file);
    expect(differing).toEqual([]);
    expect(programs.length).toBeGreaterThan(100);
  }, 120_000);
});
