import { describe, expect, it, vi } from 'vitest';
import { compileCrate, compileSysroot, type CompileRequest } from './compile.ts';
import { MAIN_RS } from './testdata/post-project.ts';

// compiling our core can take seconds on a busy machine
vi.setConfig({ testTimeout: 60_000 });

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
  it('the host target: a crate without #![no_std] is told Bootlab has no std (not E0463)', () => {
    const r = compileCrate(req({ sysrootHasStd: true, source: 'fn main() {}\n' }));
    expect(r.errors).toBe(1);
    expect(r.rendered).toContain('error: Bootlab has no `std`');
    expect(r.object).toBeUndefined();
  });
  it('the driver’s verdict: an object only with no error; diagnostics also in rustc’s JSON shape', () => {
    const sys = compileSysroot({ release: false, memFeature: true });
    const r = compileCrate(req({ externs: sys.core ? [sys.core] : [] }));
    if (r.errors > 0) {
      expect(r.object).toBeUndefined();
      expect(r.json.filter((d) => d.level === 'error').length).toBe(r.errors);
    } else {
      expect([...r.object!.slice(0, 4)]).toEqual([0x7f, 0x45, 0x4c, 0x46]);
      expect(r.crate!.name).toBe('blog_os');
    }
    const typeError = compileCrate(req({ externs: sys.core ? [sys.core] : [], source: MAIN_RS.replace('loop {}\n}\n', 'let x: u8 = "s";\n    loop {}\n}\n') }));
    expect(typeError.object).toBeUndefined();
    expect(typeError.errors).toBeGreaterThan(0);
  });
});
