// The object a module becomes: one section per function and static with the right flags,
// global and local symbols, the relocation types the linker expects, and mangled names that
// the linker's demangler reads back as Rust paths.
import { describe, expect, it } from 'vitest';
import { demangle } from '../../../link/demangle.ts';
import { R_X86_64, STB_GLOBAL, STB_LOCAL } from '../../../link/elf/constants.ts';
import { FuncBuilder } from '../../ir/builder.ts';
import { c, type Module } from '../../ir/types.ts';
import { mangle } from './mangle.ts';
import { compileModule } from './object.ts';

function sample(): Module {
  const helper = mangle('blog_os', ['vga', 'write_byte']);
  const h = new FuncBuilder(helper, ['u8'], 'unit');
  h.store(h.staticAddr('COUNTER'), h.cast('u64', h.param(0)), true);
  h.terminate({ op: 'return' });
  const s = new FuncBuilder('_start', [], 'never', true);
  s.call(helper, [c('u8', 65)], 'unit');
  s.call('memset', [s.staticAddr('TABLE'), c('i32', 0), c('usize', 8)], 'ptr');
  s.terminate({ op: 'panic', message: 'boom', file: 'src/main.rs', line: 3, col: 5 });
  return {
    name: 'sample', sourceFile: 'main.rs', funcs: [h.build(), s.build()], panicSymbol: 'rust_begin_unwind',
    externs: [{ name: 'memset', params: ['ptr', 'i32', 'usize'], ret: 'ptr' }, { name: 'rust_begin_unwind', params: ['ptr', 'usize', 'ptr'], ret: 'never' }],
    statics: [
      { name: 'COUNTER', global: true, mutable: true, align: 8, bytes: new Uint8Array(8) },
      { name: 'TABLE', global: false, mutable: false, align: 8, bytes: new Uint8Array(8), relocs: [{ offset: 0, symbol: 'COUNTER' }] },
      { name: 'GREETING', global: false, mutable: false, align: 1, bytes: new TextEncoder().encode('hi') },
    ],
  };
}

describe('compileModule output', () => {
  const { object } = compileModule(sample(), { optLevel: 0 });
  const helper = mangle('blog_os', ['vga', 'write_byte']);
  const section = (name: string) => object.sections.find((s) => s.name === name)!;
  const symbol = (name: string) => object.symbols.find((s) => s.name === name)!;

  it('puts each function and static in its own section', () => {
    const names = object.sections.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining([`.text.${helper}`, '.text._start', '.bss.COUNTER', '.data.rel.ro.TABLE', '.rodata.GREETING']));
    expect(section('.text._start').addralign).toBe(16);
    expect(section('.bss.COUNTER').type).toBe(8); // SHT_NOBITS
  });

  it('binds #[no_mangle]/global items globally and the rest locally', () => {
    expect(symbol('_start').binding).toBe(STB_GLOBAL);
    expect(symbol('COUNTER').binding).toBe(STB_GLOBAL);
    expect(symbol(helper).binding).toBe(STB_LOCAL);
    expect(symbol('TABLE').binding).toBe(STB_LOCAL);
    expect(symbol('memset').shndx).toBe(0); // undefined, for the linker to find
  });

  it('uses PLT32 for calls, PC32 for addresses of data, 64 for pointers in data', () => {
    const name = (i: number) => object.symbols[i]!.name;
    const start = section('.text._start').relocations.map((r) => [r.type, name(r.symbol)]);
    expect(start).toEqual(expect.arrayContaining([[R_X86_64.PLT32, helper], [R_X86_64.PLT32, 'memset'], [R_X86_64.PC32, 'TABLE'], [R_X86_64.PLT32, 'rust_begin_unwind']]));
    expect(section('.data.rel.ro.TABLE').relocations.map((r) => [r.type, name(r.symbol)])).toEqual([[R_X86_64._64, 'COUNTER']]);
    expect(section(`.text.${helper}`).relocations.map((r) => [r.type, name(r.symbol)])).toEqual([[R_X86_64.PC32, 'COUNTER']]);
  });

  it('mangles names that demangle to Rust paths', () => {
    expect(helper).toMatch(/^_ZN7blog_os3vga10write_byte17h[0-9a-f]{16}E$/);
    expect(demangle(helper)).toMatch(/^blog_os::vga::write_byte::h[0-9a-f]{16}$/);
    expect(mangle('a', ['f'])).not.toBe(mangle('b', ['f']));
  });
});
