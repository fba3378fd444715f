// Bootlab's build of a kernel from its Rust source, through the compiler's driver
// (src/rustc/driver): the sysroot (our core and compiler_builtins, built as cargo's build-std
// would, without the `mem` feature: the harness's memory functions serve both compilers), then
// the kernel crate; the three objects go to the linker with the harness.
import { readElfObject } from '../../src/link/elf/reader.ts';
import type { ObjectFile } from '../../src/link/object.ts';

export type SourceBuild = { ok: true; objects: ObjectFile[] } | { ok: false; reason: string };

export async function compileKernelSource(source: string, fileName: string, debug: boolean): Promise<SourceBuild> {
  let driver: typeof import('../../src/rustc/driver/index.ts');
  try {
    driver = await import('../../src/rustc/driver/index.ts');
  } catch (e) {
    return { ok: false, reason: `the compiler driver does not load (${e instanceof Error ? e.message.split('\n')[0] : e})` };
  }
  const firstError = (ds: readonly { level: string; message: string }[]) => ds.find((d) => d.level === 'error')?.message ?? 'no object';
  const sysroot = driver.buildSysroot({ release: !debug, memFeature: false });
  if (!sysroot.core || !sysroot.compilerBuiltins) return { ok: false, reason: `the sysroot does not build: ${firstError(sysroot.diagnostics)}` };
  const out = driver.compileRustCrate({
    crateName: fileName.replace(/\.rs$/, ''), crateType: 'bin', rootPath: 'src/main.rs', files: new Map([['src/main.rs', source]]),
    edition: '2021', release: !debug, cfg: { features: [] }, externs: [sysroot.core, sysroot.compilerBuiltins], nightly: true, lints: false,
  });
  if (!out.crate) return { ok: false, reason: firstError(out.diagnostics) };
  const objects = [sysroot.core, sysroot.compilerBuiltins, out.crate].map((c) => readElfObject(c.object, `${c.name}.o`));
  return { ok: true, objects };
}
