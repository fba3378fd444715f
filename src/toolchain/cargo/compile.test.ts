import { describe, expect, it } from 'vitest';
import { compileCrate, compileSysrootCrate, type CompileRequest } from './compile.ts';
import { MAIN_RS } from './testdata/post-project.ts';

const req = (over: Partial<CompileRequest>): CompileRequest => ({
  crateName: 'blog_os',
  crateType: 'bin',
  rootPath: 'src/main.rs',
  source: MAIN_RS,
  edition: '2018',
  target: 'x86_64-blog_os',
  release: false,
  coreAvailable: true,
  nightly: true,
  ...over,
});

describe('compileCrate', () => {
  it('E0463 names core for #![no_std] crates, std otherwise; the build-std help only on nightly', () => {
    const core = compileCrate(req({ coreAvailable: false }));
    expect(core.errors).toBe(1);
    expect(core.rendered).toContain("error[E0463]: can't find crate for `core`");
    expect(core.rendered).toContain('cargo build -Zbuild-std');
    const std = compileCrate(req({ coreAvailable: false, nightly: false, source: 'fn main() {}\n' }));
    expect(std.rendered).toContain("error[E0463]: can't find crate for `std`");
    expect(std.rendered).not.toContain('build-std');
    expect(std.rendered.endsWith('For more information about this error, try `rustc --explain E0463`.\n')).toBe(true);
  });
  it('syntax errors come before crate loading, rendered as rustc does', () => {
    const r = compileCrate(req({ coreAvailable: false, source: 'fn main() {\n    let x = ;\n}\n' }));
    expect(r.errors).toBe(1);
    expect(r.rendered).toBe('error: expected expression, found `;`\n --> src/main.rs:2:13\n  |\n2 |     let x = ;\n  |             ^ expected expression\n\n');
  });
  it('a crate that parses stops at the stages that do not exist yet, with no object', () => {
    const r = compileCrate(req({}));
    expect(r.object).toBeUndefined();
    expect(r.errors).toBe(1);
    expect(r.rendered).toMatch(/code generation are not written yet/);
    expect(compileSysrootCrate('core').errors).toBe(1);
  });
});
