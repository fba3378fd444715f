// Bootlab's build of a kernel from its Rust source, through the compiler's driver
// (src/rustc/driver), loaded only when it is there, so the benchmark runs before it lands.
import type { ObjectFile } from '../../src/link/object.ts';

export type SourceBuild = { ok: true; objects: ObjectFile[] } | { ok: false; reason: string };

export async function compileKernelSource(source: string, fileName: string, debug: boolean): Promise<SourceBuild> {
  let driver: Record<string, unknown>;
  try {
    // A computed specifier: the driver may not exist yet, and type checking must not need it.
    const path = '../../src/rustc/driver/index.ts';
    driver = await import(path) as Record<string, unknown>;
  } catch {
    return { ok: false, reason: 'the compiler driver (src/rustc/driver) is not there yet' };
  }
  const compile = driver.compileRustCrate;
  if (typeof compile !== 'function') return { ok: false, reason: 'src/rustc/driver has no compileRustCrate' };
  void source; void fileName; void debug;
  return { ok: false, reason: 'compileRustCrate is not wired into the benchmark yet' };
}
