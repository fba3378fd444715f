// Code generation on demand: the part of core a kernel reaches, and nothing else.
import { describe, expect, it, vi } from 'vitest';
import { readElfObject } from '../../link/elf/reader.ts';
import { mangle } from '../codegen/x86_64/mangle.ts';
import { buildSysroot, compileRustCrate, objectFor } from './index.ts';
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
