import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderAllHuman } from '../index.ts';
import type { Expr } from '../thir/thir.ts';
import { analyze, tinyCore } from './harness.ts';
import { printFn } from './print.ts';

const POST = readFileSync(new URL('../../boot/testdata/post-kernel/main.rs', import.meta.url), 'utf8');

describe('the post\'s main.rs', () => {
  it('the tiny core analyses cleanly and names its panic entry', () => {
    const core = tinyCore();
    expect(core.diagnostics).toEqual([]);
    expect(core.crate.panicEntry?.name).toBe('panic_entry');
    expect(core.crate.primitiveConsts.get('u8')?.get('MAX')?.value).toEqual({ kind: 'scalar', value: 255n });
  });

  it('analyses without diagnostics', () => {
    const r = analyze(POST);
    expect(renderAllHuman(r.diagnostics, r.sourceMap)).toBe('');
  });

  it('gives the definitions their symbols and flags', () => {
    const { crate } = analyze(POST);
    const panic = crate.fns.find((f) => f.name === 'panic')!;
    expect(panic.symbol).toBe('rust_begin_unwind');
    expect(panic.panicHandler && panic.exported).toBe(true);
    expect(crate.panicHandler).toBe(panic);
    const start = crate.fns.find((f) => f.name === '_start')!;
    expect([start.symbol, start.abi, start.noMangle, start.exported]).toEqual(['_start', 'C', true, true]);
    expect(start.ret).toEqual({ kind: 'never' });
    const hello = crate.statics[0]!;
    expect(hello.ty).toEqual({ kind: 'ref', mut: false, to: { kind: 'slice', elem: { kind: 'int', int: 'u8' } } });
    expect(hello.value).toMatchObject({ kind: 'ref', len: 12, to: { kind: 'bytes' } });
    expect(new TextDecoder().decode((hello.value as { to: { bytes: Uint8Array } }).to.bytes)).toBe('Hello World!');
    // The parameter type points at the very AdtDef core produced.
    const info = tinyCore().crate.adts.find((a) => a.name === 'PanicInfo')!;
    expect(panic.params[0]!.ty).toEqual({ kind: 'ref', mut: false, to: { kind: 'adt', def: info } });
  });

  it('types the literal of `0xb8000 as *mut u8` as usize, as rustc does', () => {
    const { crate } = analyze(POST);
    const start = crate.fns.find((f) => f.name === '_start')!;
    const letStmt = start.body!.block.stmts[0]!;
    expect(letStmt.kind).toBe('let');
    const init = (letStmt as { init: Expr }).init;
    expect(init.kind).toBe('cast');
    expect((init as Expr & { kind: 'cast' }).operand.ty).toEqual({ kind: 'int', int: 'usize' });
  });

  it('prints the THIR of _start', () => {
    const { crate } = analyze(POST);
    expect(printFn(crate.fns.find((f) => f.name === '_start')!)).toMatchInlineSnapshot(`
      "fn _start() -> ! [_start, extern "C", exported]
        block: !
          let vga_buffer@0: *mut u8
            = cast: *mut u8
              lit 753664: usize
          stmt for#0 (i@1: usize, &(byte@2: u8)): ()
            in builtin iter.enumerate: core::iter::Enumerate<core::slice::Iter<'_, u8>>
              builtin slice.iter: core::slice::Iter<'_, u8>
                static HELLO: &[u8]
            block: ()
              unsafe tail block: ()
                stmt assign: ()
                  deref: u8
                    builtin ptr.offset: *mut u8
                      local vga_buffer@0: *mut u8
                      binary mul: isize
                        cast: isize
                          local i@1: usize
                        lit 2: isize
                  local byte@2: u8
                stmt assign: ()
                  deref: u8
                    builtin ptr.offset: *mut u8
                      local vga_buffer@0: *mut u8
                      binary add: isize
                        binary mul: isize
                          cast: isize
                            local i@1: usize
                          lit 2: isize
                        lit 1: isize
                  lit 11: u8
          tail loop#1: !
            block: ()"
    `);
  });
});
