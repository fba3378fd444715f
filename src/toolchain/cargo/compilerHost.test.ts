// The CompilerHost boundary: what crosses it must survive a structured clone (what a Worker's
// postMessage does), and a build through a host that clones everything both ways (as the page's
// Worker-backed host does) prints the same lines and writes the same kernel as the in-process host.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Shell } from '../shell/shell.ts';
import { Vfs } from '../vfs.ts';
import { compilerHost, inProcessCompilerHost, setCompilerHost, type CompilerHost } from './compilerHost.ts';
import { CARGO_TOML, CONFIG_BUILD_STD, MAIN_RS, TARGET_JSON_POST_ERA } from './testdata/post-project.ts';

vi.setConfig({ testTimeout: 120_000 });

/** A host that, like a Worker, only sees copies of its requests and only gives back copies. */
function cloningHost(calls: string[]): CompilerHost {
  const via = <A extends unknown[], R>(name: string, f: (...a: A) => Promise<R>) => async (...args: A): Promise<R> => {
    calls.push(name);
    return structuredClone(await f(...(structuredClone(args) as A)));
  };
  const h = inProcessCompilerHost;
  return {
    buildSysroot: via('buildSysroot', (o) => h.buildSysroot(o)),
    hostStdCheck: via('hostStdCheck', (r) => h.hostStdCheck(r)),
    compileCrate: via('compileCrate', (r) => h.compileCrate(r)),
    link: via('link', (i, o) => h.link(i, o)),
    bootImage: via('bootImage', (k) => h.bootImage(k)),
  };
}

async function build(): Promise<{ status: number; text: string; kernel?: Uint8Array }> {
  const vfs = Vfs.from({ 'Cargo.toml': CARGO_TOML, 'x86_64-blog_os.json': TARGET_JSON_POST_ERA, 'src/main.rs': MAIN_RS, 'rust-toolchain': 'nightly\n', '.cargo/config.toml': CONFIG_BUILD_STD });
  const out: string[] = [];
  const shell = new Shell({ vfs, terminal: { print: (t) => void out.push(t), clear: () => {} }, machine: { boot: () => {} } });
  await shell.run('rustup component add rust-src');
  out.length = 0;
  const status = await shell.run('cargo build');
  const kernel = vfs.isFile('target/x86_64-blog_os/debug/blog_os') ? vfs.readBytes('target/x86_64-blog_os/debug/blog_os') : undefined;
  // cargo's `Finished … in 1.23s` carries a time
  return { status, text: out.join('\n').replace(/ in \d+(\.\d+)?s/g, ' in Ts'), ...(kernel ? { kernel } : {}) };
}

afterEach(() => setCompilerHost(inProcessCompilerHost));

describe('CompilerHost', () => {
  it('is in-process unless one is installed', () => {
    expect(compilerHost()).toBe(inProcessCompilerHost);
  });

  it('returns plain data: results survive a structured clone unchanged', async () => {
    const sysroot = { release: false, memFeature: true };
    const sys = await inProcessCompilerHost.buildSysroot(sysroot);
    expect(sys.core?.hash).toMatch(/^[0-9a-f]{16}/);
    expect(structuredClone(sys)).toStrictEqual(sys);
    const crate = await inProcessCompilerHost.compileCrate({
      crateName: 'blog_os', crateType: 'bin', rootPath: 'src/main.rs', source: MAIN_RS, edition: '2018', target: 'x86_64-blog_os',
      release: false, coreAvailable: true, nightly: true, sysroot, wantSysrootObjects: true,
    });
    expect(crate.errors).toBe(0);
    expect(structuredClone(crate)).toStrictEqual(crate);
    // the objects are ELF relocatables; core's is the one the sysroot's hash names
    expect([...crate.unit!.object.subarray(0, 4)]).toEqual([0x7f, 0x45, 0x4c, 0x46]);
    expect(crate.sysrootObjects!.core.hash).toBe(sys.core!.hash);
    const linked = await inProcessCompilerHost.link(
      [{ name: 'main.o', bytes: crate.unit!.object }, { name: 'core.o', bytes: crate.sysrootObjects!.core.object }, { name: 'cb.o', bytes: crate.sysrootObjects!.compilerBuiltins.object }],
      { entry: '_start', gcSections: true, ehFrameHdr: true },
    );
    expect(linked.ok).toBe(true);
    expect(linked.bytes![16]).toBe(2); // ET_EXEC
    expect(structuredClone(linked)).toStrictEqual(linked);
  });

  it('a linker failure comes back as rust-lld stderr, not an exception', async () => {
    const linked = await inProcessCompilerHost.link([{ name: 'junk.o', bytes: new Uint8Array([1, 2, 3]) }], { entry: '_start' });
    expect(linked.ok).toBe(false);
    expect(linked.stderr).toMatch(/error/);
  });

  it('cargo build through a cloning host prints the same and writes the same kernel as in-process', async () => {
    const direct = await build();
    expect(direct.status).toBe(0);
    const calls: string[] = [];
    setCompilerHost(cloningHost(calls));
    const cloned = await build();
    expect(calls).toEqual(['buildSysroot', 'compileCrate', 'link']);
    expect(cloned).toStrictEqual(direct);
    expect(cloned.kernel?.length).toBeGreaterThan(0);
  });
});
