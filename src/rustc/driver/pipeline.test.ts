// The whole driver: our sysroot builds without a diagnostic and is cached, and the post's
// main.rs (src/boot/testdata/post-kernel/main.rs) compiles against it, links with our linker,
// boots with our bootloader and writes "Hello World!" in light cyan to the VGA buffer.
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { buildBootImage } from '../../boot/bootimage.ts';
import { linkFiles } from '../../link/link.ts';
import { createMachine } from '../../machine/machine.ts';
import { renderAllHuman } from '../diagnostics/index.ts';
import { SourceMap } from '../span/source-map.ts';
import { buildSysroot, clearSysrootCache, compileRustCrate, DEFAULT_RUST_SRC, objectFor } from './index.ts';
import { libraryFiles } from './sysroot.ts';

// A cold sysroot takes seconds (code generation of ~400 functions), so these tests get more time.
vi.setConfig({ testTimeout: 120_000 });

const POST_MAIN = readFileSync(new URL('../../boot/testdata/post-kernel/main.rs', import.meta.url), 'utf8');

describe('sysroot', () => {
  it('core and compiler_builtins compile without any diagnostic, lints included', () => {
    const sourceMap = new SourceMap();
    const core = compileRustCrate({ crateName: 'core', crateType: 'lib', ...libraryFiles('core', DEFAULT_RUST_SRC), edition: '2021', release: false, cfg: { features: [] }, externs: [], nightly: true, sourceMap });
    expect(renderAllHuman(core.diagnostics, sourceMap)).toBe('');
    expect(core.crate?.def.panicEntry?.path).toEqual(['panicking', 'panic']);
    const builtins = compileRustCrate({
      crateName: 'compiler_builtins', crateType: 'lib', ...libraryFiles('compiler_builtins', DEFAULT_RUST_SRC), edition: '2021', release: true,
      cfg: { features: ['mem'] }, externs: [core.crate!], nightly: true, sourceMap,
    });
    expect(renderAllHuman(builtins.diagnostics, sourceMap)).toBe('');
    const exported = builtins.crate!.def.fns.filter((f) => f.exported).map((f) => f.symbol).sort();
    expect(exported).toEqual(['__divti3', '__modti3', '__muloti4', '__udivti3', '__umodti3', 'bcmp', 'memcmp', 'memcpy', 'memmove', 'memset']);
  });

  it('the mem functions exist only with the mem feature', () => {
    const s = buildSysroot({ release: false, memFeature: false });
    expect(s.compilerBuiltins!.def.fns.filter((f) => f.exported).map((f) => f.symbol).sort()).toEqual(['__divti3', '__modti3', '__muloti4', '__udivti3', '__umodti3']);
  });

  it('is built once per sources and options, then served from the cache', () => {
    clearSysrootCache();
    const first = buildSysroot({ release: false, memFeature: true });
    const again = buildSysroot({ release: false, memFeature: true });
    expect([first.compiled, again.compiled]).toEqual([true, false]);
    expect(again.core).toBe(first.core);
    expect(again.compilerBuiltins!.object).toBe(first.compilerBuiltins!.object);
    const release = buildSysroot({ release: true, memFeature: true });
    expect(release.compiled).toBe(true);
    expect(release.core!.hash).not.toBe(first.core!.hash);
  });
});

describe('order of diagnostics around type checking (rustc 1.95 on the same files)', () => {
  const compile = (source: string, panicStrategy: 'abort' | 'unwind' = 'abort') => {
    const sysroot = buildSysroot({ release: false, memFeature: true });
    const out = compileRustCrate({
      crateName: 'blog_os', crateType: 'bin', rootPath: 'src/main.rs', files: new Map([['src/main.rs', source]]), edition: '2021',
      release: false, cfg: { features: [] }, externs: [sysroot.core!, sysroot.compilerBuiltins!], nightly: false, panicStrategy,
    });
    return out.diagnostics.map((d) => `${d.level}${d.code ? `[${d.code}]` : ''}: ${d.message}`);
  };

  it('a missing main comes before type errors', () => {
    // rustc -C panic=abort --crate-type bin --crate-name blog_os --emit=obj n.rs
    expect(compile('#![no_std]\nuse core::panic::PanicInfo;\n#[panic_handler]\nfn p(_i: &PanicInfo) -> ! { loop {} }\nfn f() { let x: u8 = "a"; }\n')).toEqual([
      'error[E0601]: `main` function not found in crate `blog_os`',
      'error[E0308]: mismatched types',
    ]);
  });

  it('a missing panic handler and main come first, and the lints still run', () => {
    // rustc -C panic=abort --crate-type bin --crate-name blog_os --emit=obj n2.rs
    // (rustc prints no dead-code warning for `f` here; our passes do: the checking passes' business.)
    expect(compile('#![no_std]\nfn f() { let x: u8 = 1; }\n').slice(0, 3)).toEqual([
      'error: `#[panic_handler]` function required, but not found',
      'error[E0601]: `main` function not found in crate `blog_os`',
      'warning: unused variable: `x`',
    ]);
  });
});

describe('panic = "unwind" (no abort in the profile or the target)', () => {
  const compile = (source: string) => {
    const sysroot = buildSysroot({ release: false, memFeature: true });
    return compileRustCrate({
      crateName: 'blog_os', crateType: 'bin', rootPath: 'src/main.rs', files: new Map([['src/main.rs', source]]), edition: '2021',
      release: false, cfg: { features: [] }, externs: [sysroot.core!, sysroot.compilerBuiltins!], nightly: false, panicStrategy: 'unwind',
    });
  };

  it('an executable is refused as rustc refuses it, after a missing panic handler, and lints still run', () => {
    // The post's main.rs: rustc --edition 2021 --crate-type bin --emit=obj main.rs (host target: panic=unwind)
    const out = compile(POST_MAIN);
    expect(renderAllHuman(out.diagnostics, out.sourceMap)).toBe(`error: unwinding panics are not supported without std
  |
  = help: using nightly cargo, use -Zbuild-std with panic="abort" to avoid unwinding
  = note: since the core library is usually precompiled with panic="unwind", rebuilding your crate with panic="abort" may not be enough to fix the problem

error: aborting due to 1 previous error

`);
    // rustc --edition 2021 --crate-type bin --emit=obj u2.rs
    const u2 = compile('#![no_std]\n#![no_main]\n#[no_mangle]\npub extern "C" fn _start() -> ! { let x = 1; loop {} }\n');
    expect(u2.diagnostics.map((d) => d.message)).toEqual(['`#[panic_handler]` function required, but not found', 'unwinding panics are not supported without std', 'unused variable: `x`']);
  });
});

describe("the post's kernel", () => {
  for (const release of [false, true]) {
    it(`compiles, links, boots and prints Hello World! (${release ? 'release' : 'debug'})`, () => {
      const sysroot = buildSysroot({ release, memFeature: true });
      const out = compileRustCrate({
        crateName: 'blog_os', crateType: 'bin', rootPath: 'src/main.rs', files: new Map([['src/main.rs', POST_MAIN]]), edition: '2018',
        release, cfg: { features: [] }, externs: [sysroot.core!, sysroot.compilerBuiltins!], nightly: true,
      });
      expect(renderAllHuman(out.diagnostics, out.sourceMap)).toBe('');
      // Debug links core's code generated on demand for this kernel; release links all of core.
      const core = release ? sysroot.core!.object : objectFor(sysroot.core!, [out.crate!, sysroot.compilerBuiltins!]);
      if (!release) expect(core.length).toBeLessThan(sysroot.core!.object.length / 4);
      const linked = linkFiles([
        { name: 'blog_os.o', bytes: out.crate!.object },
        { name: 'core.o', bytes: core },
        { name: 'compiler_builtins.o', bytes: sysroot.compilerBuiltins!.object },
      ], { entry: '_start', gcSections: true });
      expect(linked.stderr).toBe('');
      const image = buildBootImage(linked.bytes!);
      if (!image.ok) throw new Error(image.message);
      const machine = createMachine({ diskImage: image.image });
      machine.run({ maxInstructions: 5_000_000 });
      expect(machine.screenText().split('\n')[0]!.startsWith('Hello World!')).toBe(true);
    }, 60_000);
  }
});
