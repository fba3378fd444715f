// Code generation on demand: the part of core a kernel reaches, and nothing else.
import { describe, expect, it, vi } from 'vitest';
import { readElfExecutable } from '../../link/elf/executable.ts';
import { readElfObject } from '../../link/elf/reader.ts';
import { mangle } from '../codegen/x86_64/mangle.ts';
import { linkFiles } from '../../link/link.ts';
import { buildSysroot, compileRustCrate, libraryObjectsFor, objectFor } from './index.ts';
import { reachablePart, referencedSymbols } from './on-demand.ts';

vi.setConfig({ testTimeout: 120_000 });

const KERNEL = `#![no_std]
#![no_main]
use core::panic::PanicInfo;
#[panic_handler]
fn panic(_info: &PanicInfo) -> ! { loop {} }
#[no_mangle]
pub extern "C" fn _start() -> ! {
    let x = core::hint::black_box(3u32).pow(4);
    let y = core::hint::black_box(7u8).saturating_sub(x as u8);
    core::hint::black_box(y);
    loop {}
}
`;

describe('objectFor', () => {
  it('holds what the kernel calls, what that calls, and the panic entry; not the rest of core', () => {
    const sysroot = buildSysroot({ release: false, memFeature: true });
    const out = compileRustCrate({
      crateName: 'k', crateType: 'bin', rootPath: 'src/main.rs', files: new Map([['src/main.rs', KERNEL]]), edition: '2021',
      release: false, cfg: { features: [] }, externs: [sysroot.core!, sysroot.compilerBuiltins!], nightly: false,
    });
    const core = sysroot.core!;
    const pow = mangle('core', ['num', 'u32', 'pow']);
    const wanted = referencedSymbols(out.crate!.ir!);
    const part = reachablePart(core.ir!, wanted);
    const names = new Set(part.funcs.map((f) => f.name));
    const panicEntry = core.def.panicEntry!.symbol;
    const defined = (bytes: Uint8Array) => new Set(readElfObject(bytes).symbols.filter((s) => s.shndx !== 0 && s.type === 2).map((s) => s.name));
    const object = defined(objectFor(core, [out.crate!, sysroot.compilerBuiltins!]));
    for (const f of core.def.fns.filter((f) => f.body && (f.name === 'pow' || f.name === 'saturating_sub'))) {
      const used = f.implFor?.kind === 'int' && ((f.name === 'pow' && f.implFor.int === 'u32') || (f.name === 'saturating_sub' && f.implFor.int === 'u8'));
      expect(object.has(f.symbol), f.symbol).toBe(used);
    }
    expect(names.has(panicEntry)).toBe(true);
    expect(object.has(panicEntry)).toBe(true);
    expect([...object].length).toBeLessThan(core.ir!.funcs.length / 10);
    // The same request gives the same bytes, compiled once.
    expect(objectFor(core, [out.crate!, sysroot.compilerBuiltins!])).toBe(objectFor(core, [out.crate!, sysroot.compilerBuiltins!]));
    expect(pow.startsWith('_ZN4core3num3u323pow')).toBe(true);
  });
});

// u128 division and multiplication become calls code generation adds (__udivti3, __muloti4…),
// an array copy calls memcpy: compiler_builtins' part must follow the generated objects.
const WIDE = KERNEL.replace('loop {}\n}', 'let _ = helper as usize;\n    loop {}\n}') + `
#[no_mangle]
pub extern "C" fn helper(a: u128, b: u128) -> u128 {
    let c = a as i128; let d = b as i128;
    let x = [0u8; 300]; let mut y = x; y[3] = 1;
    a / b + a % b + (c / d) as u128 + (c % d) as u128 + a * b + y[(a as usize) & 255] as u128
}
`;

describe('libraryObjectsFor', () => {
  const link = (program: Uint8Array, libs: Uint8Array[]) =>
    linkFiles([{ name: 'k.o', bytes: program }, ...libs.map((bytes, i) => ({ name: `lib${i}.o`, bytes }))], { entry: '_start', gcSections: true, ehFrameHdr: true });
  for (const [name, source, memFeature, release] of [['the kernel', KERNEL, true, false], ['u128 arithmetic', WIDE, true, false], ['u128 arithmetic, release', WIDE, true, true], ['memcpy without the mem feature', WIDE, false, false]] as const) {
    it(`links to the same executable, or the same errors, as the whole objects: ${name}`, () => {
      const sysroot = buildSysroot({ release, memFeature });
      const libs = [sysroot.core!, sysroot.compilerBuiltins!];
      const out = compileRustCrate({
        crateName: 'k', crateType: 'bin', rootPath: 'src/main.rs', files: new Map([['src/main.rs', source]]), edition: '2021',
        release, cfg: { features: [] }, externs: libs, nightly: false,
      });
      const program = out.crate!.object;
      const parts = libraryObjectsFor(out.crate!, libs);
      const lazy = link(program, parts);
      const whole = link(program, libs.map((l) => l.object));
      expect(lazy.stderr).toBe(whole.stderr);
      expect(lazy.ok).toBe(whole.ok);
      // The same image: program headers and every loaded byte (after the ELF header, whose
      // e_shoff moves with the symbol names), and the same global symbols.
      // Only the names of local panic-data labels may differ (`.Lanon.core.<n>` is numbered
      // per compiled module), as rustc's `anon.<hash>.<n>` names do between builds.
      if (whole.bytes) {
        const loaded = (bytes: Uint8Array) => {
          const e = readElfExecutable(bytes);
          return {
            entry: e.entry,
            segments: e.programHeaders.map((p) => ({ ...p, bytes: [...bytes.subarray(Math.max(p.offset, 64), p.offset + p.filesz)] })),
            globals: e.symbols.filter((s) => s.binding !== 0).map((s) => `${s.name}@${s.value}`),
            locals: e.symbols.filter((s) => s.binding === 0).map((s) => s.name.replace(/^\.Lanon\.core\.\d+\./, '.Lanon.core.N.')),
          };
        };
        expect(loaded(lazy.bytes!)).toEqual(loaded(whole.bytes));
      }
      expect(parts[0]!.length).toBeLessThan(sysroot.core!.object.length / 20);
      if (!memFeature) expect(whole.stderr).toContain('undefined symbol: memcpy');
    });
  }
});
