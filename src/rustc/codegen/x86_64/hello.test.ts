// The post's kernel, by hand in IR: _start copies b"Hello World!" into the VGA text buffer
// with attribute 0x0b through volatile byte stores, then exits through isa-debug-exit. Built in
// debug and release, linked by src/link, booted by src/boot in Bootlab's machine.
import { describe, expect, it, vi } from 'vitest';
import { FuncBuilder } from '../../ir/builder.ts';
import { c, type Module } from '../../ir/types.ts';
import { compileLinkBoot } from './test-run.ts';

vi.setConfig({ testTimeout: 120_000 });

export function helloModule(): Module {
  const f = new FuncBuilder('_start', [], 'never', true);
  const i = f.value('usize');
  f.assign(i, c('usize', 0));
  const base = f.staticAddr('HELLO');
  f.terminate({ op: 'goto', target: 'loop' });
  f.block('loop');
  const more = f.compare('lt', { kind: 'value', id: i }, c('usize', 12));
  f.terminate({ op: 'branch', cond: more, then: 'body', else: 'done' });
  f.block('body');
  const byte = f.load('u8', f.ptrAdd(base, 0, { kind: 'value', id: i }, 1));
  const vga = f.cast('ptr', c('usize', 0xb8000));
  const cell = f.ptrAdd(vga, 0, { kind: 'value', id: i }, 2);
  f.store(cell, byte, true);
  f.store(f.ptrAdd(cell, 1), c('u8', 0x0b), true);
  f.assign(i, f.binary('add', 'usize', { kind: 'value', id: i }, c('usize', 1)));
  f.terminate({ op: 'goto', target: 'loop' });
  f.block('done');
  f.emit({ op: 'out', port: c('u16', 0xf4), value: c('u32', 0x10) });
  f.emit({ op: 'hlt' });
  f.terminate({ op: 'unreachable' });
  return {
    name: 'hello', sourceFile: 'main.rs', funcs: [f.build()], externs: [], panicSymbol: 'rust_begin_unwind',
    statics: [{ name: 'HELLO', global: false, mutable: false, align: 1, bytes: new TextEncoder().encode('Hello World!') }],
  };
}

describe('Hello World! through the IR, codegen, linker, bootloader and machine', () => {
  for (const opt of [0, 3] as const) {
    it(`opt-level ${opt}`, () => {
      const run = compileLinkBoot([helloModule()], opt);
      expect(run.exitCode).toBe(0x10);
      expect(run.screen.split('\n')[0]).toBe('Hello World!');
      for (let col = 0; col < 12; col++) expect(run.machine.mem.read8(0xb8000 + col * 2 + 1)).toBe(0x0b);
    });
  }
});
