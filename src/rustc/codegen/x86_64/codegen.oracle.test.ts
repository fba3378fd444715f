// The same small kernel written twice — in Rust, compiled by the host's rustc (opt-level 0 and
// 3, the recipe of src/boot/testdata/post-kernel/build.sh), and by hand in our IR, compiled by
// our code generator (debug and release) and linked by src/link — both booted by our
// bootloader in Bootlab's machine: the screens and exit codes must be the same.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { buildBootImage } from '../../../boot/bootimage.ts';
import { bootInMachine } from '../../../boot/test-boot.ts';
import { FuncBuilder } from '../../ir/builder.ts';
import { c, v, type Func, type Module, type Operand } from '../../ir/types.ts';
import { readElfObject } from '../../../link/elf/reader.ts';
import { compileLinkBoot, readKernel } from './test-run.ts';

vi.setConfig({ testTimeout: 300_000 });

const RUST = `#![no_std]
#![no_main]
use core::panic::PanicInfo;
#[panic_handler]
fn panic(_info: &PanicInfo) -> ! { loop {} }
static HELLO: &[u8] = b"Hello World!";
fn fib(n: u64) -> u64 { if n < 2 { n } else { fib(n - 1).wrapping_add(fib(n - 2)) } }
fn print_hex(row: usize, v: u64) {
    let vga = 0xb8000 as *mut u8;
    let mut i = 0;
    while i < 16 {
        let nibble = ((v >> ((15 - i) * 4)) & 0xf) as u8;
        let ch = if nibble < 10 { b'0' + nibble } else { b'a' + nibble - 10 };
        unsafe {
            vga.add((row * 80 + i) * 2).write_volatile(ch);
            vga.add((row * 80 + i) * 2 + 1).write_volatile(0x0b);
        }
        i += 1;
    }
}
fn collatz(mut n: u64) -> u64 {
    let mut steps = 0u64;
    while n != 1 { n = if n % 2 == 0 { n / 2 } else { n.wrapping_mul(3).wrapping_add(1) }; steps += 1; }
    steps
}
#[no_mangle]
pub extern "C" fn _start() -> ! {
    let vga = 0xb8000 as *mut u8;
    for (i, &byte) in HELLO.iter().enumerate() {
        unsafe { *vga.offset(i as isize * 2) = byte; *vga.offset(i as isize * 2 + 1) = 0xb; }
    }
    print_hex(1, fib(20));
    print_hex(2, collatz(27));
    print_hex(3, 0x1234_5678u32.wrapping_mul(0x9abc_def1) as u64);
    print_hex(4, (core::hint::black_box(-7i64) >> 1) as u64);
    print_hex(5, (core::hint::black_box(200u8) as i8) as i64 as u64);
    print_hex(6, (core::hint::black_box(0xffff_ffff_ffffu64) as u128 * 0x1_0000_0001u128 >> 40) as u64);
    unsafe { core::arch::asm!("out dx, eax", in("dx") 0xf4u16, in("eax") 0x10u32); }
    loop {}
}
`;

function irKernel(): Module {
  const fib = new FuncBuilder('fib', ['u64'], 'u64');
  fib.terminate({ op: 'branch', cond: fib.compare('lt', fib.param(0), c('u64', 2)), then: 'base', else: 'rec' });
  fib.block('base'); fib.terminate({ op: 'return', value: fib.param(0) });
  fib.block('rec');
  const a = fib.call('fib', [fib.binary('sub', 'u64', fib.param(0), c('u64', 1))], 'u64')!;
  const b = fib.call('fib', [fib.binary('sub', 'u64', fib.param(0), c('u64', 2))], 'u64')!;
  fib.terminate({ op: 'return', value: fib.binary('add', 'u64', a, b) });

  const hex = new FuncBuilder('print_hex', ['usize', 'u64'], 'unit');
  const i = hex.value('usize');
  hex.assign(i, c('usize', 0));
  hex.terminate({ op: 'goto', target: 'loop' });
  hex.block('loop');
  hex.terminate({ op: 'branch', cond: hex.compare('lt', v(i), c('usize', 16)), then: 'body', else: 'done' });
  hex.block('body');
  const shift = hex.cast('u32', hex.binary('mul', 'usize', hex.binary('sub', 'usize', c('usize', 15), v(i)), c('usize', 4)));
  const nibble = hex.cast('u8', hex.binary('and', 'u64', hex.binary('shr', 'u64', hex.param(1), shift), c('u64', 0xf)));
  const ch = hex.value('u8');
  hex.terminate({ op: 'branch', cond: hex.compare('lt', nibble, c('u8', 10)), then: 'digit', else: 'letter' });
  hex.block('digit'); hex.assign(ch, hex.binary('add', 'u8', c('u8', 48), nibble)); hex.terminate({ op: 'goto', target: 'put' });
  hex.block('letter'); hex.assign(ch, hex.binary('sub', 'u8', hex.binary('add', 'u8', c('u8', 97), nibble), c('u8', 10))); hex.terminate({ op: 'goto', target: 'put' });
  hex.block('put');
  const cell = hex.binary('mul', 'usize', hex.binary('add', 'usize', hex.binary('mul', 'usize', hex.param(0), c('usize', 80)), v(i)), c('usize', 2));
  const vga = hex.cast('ptr', c('usize', 0xb8000));
  hex.store(hex.ptrAdd(vga, 0, cell, 1), v(ch), true);
  hex.store(hex.ptrAdd(vga, 1, cell, 1), c('u8', 0x0b), true);
  hex.assign(i, hex.binary('add', 'usize', v(i), c('usize', 1)));
  hex.terminate({ op: 'goto', target: 'loop' });
  hex.block('done');
  hex.terminate({ op: 'return' });

  const col = new FuncBuilder('collatz', ['u64'], 'u64');
  const n = col.value('u64'); const steps = col.value('u64');
  col.assign(n, col.param(0)).assign(steps, c('u64', 0));
  col.terminate({ op: 'goto', target: 'head' });
  col.block('head');
  col.terminate({ op: 'branch', cond: col.compare('ne', v(n), c('u64', 1)), then: 'body', else: 'exit' });
  col.block('body');
  col.terminate({ op: 'branch', cond: col.compare('eq', col.binary('rem', 'u64', v(n), c('u64', 2)), c('u64', 0)), then: 'even', else: 'odd' });
  col.block('even'); col.assign(n, col.binary('div', 'u64', v(n), c('u64', 2))); col.terminate({ op: 'goto', target: 'next' });
  col.block('odd'); col.assign(n, col.binary('add', 'u64', col.binary('mul', 'u64', v(n), c('u64', 3)), c('u64', 1))); col.terminate({ op: 'goto', target: 'next' });
  col.block('next');
  const s = col.checked('add', 'u64', v(steps), c('u64', 1));
  col.assign(steps, s.result);
  col.terminate({ op: 'goto', target: 'head' });
  col.block('exit');
  col.terminate({ op: 'return', value: v(steps) });

  const start = new FuncBuilder('_start', [], 'never', true);
  const k = start.value('usize');
  const hello = start.staticAddr('HELLO');
  start.assign(k, c('usize', 0));
  start.terminate({ op: 'goto', target: 'copy' });
  start.block('copy');
  const screen = start.cast('ptr', c('usize', 0xb8000));
  start.store(start.ptrAdd(screen, 0, v(k), 2), start.load('u8', start.ptrAdd(hello, 0, v(k), 1)));
  start.store(start.ptrAdd(screen, 1, v(k), 2), c('u8', 0x0b));
  start.assign(k, start.binary('add', 'usize', v(k), c('usize', 1)));
  start.terminate({ op: 'branch', cond: start.compare('lt', v(k), c('usize', 12)), then: 'copy', else: 'rest' });
  start.block('rest');
  const row = (r: number, value: Operand) => start.call('print_hex', [c('usize', r), value], 'unit');
  row(1, start.call('fib', [c('u64', 20)], 'u64')!);
  row(2, start.call('collatz', [c('u64', 27)], 'u64')!);
  row(3, start.cast('u64', start.binary('mul', 'u32', start.copy('u32', c('u32', 0x1234_5678)), c('u32', 0x9abc_def1))));
  row(4, start.cast('u64', start.binary('shr', 'i64', start.copy('i64', c('i64', -7)), c('u32', 1))));
  row(5, start.cast('u64', start.cast('i64', start.cast('i8', start.copy('u8', c('u8', 200))))));
  const wide = start.binary('mul', 'u128', start.cast('u128', start.copy('u64', c('u64', 0xffff_ffff_ffffn))), c('u128', 0x1_0000_0001n));
  row(6, start.cast('u64', start.binary('shr', 'u128', wide, c('u32', 40))));
  start.emit({ op: 'out', port: c('u16', 0xf4), value: c('u32', 0x10) });
  start.emit({ op: 'hlt' });
  const funcs: Func[] = [fib.build(), hex.build(), col.build(), start.build()];
  return {
    name: 'oracle', sourceFile: 'main.rs', funcs, externs: [], panicSymbol: 'panic',
    statics: [{ name: 'HELLO', global: false, mutable: false, align: 1, bytes: new TextEncoder().encode('Hello World!') }],
  };
}

function rustcKernel(opt: number): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), 'codegen-oracle-'));
  writeFileSync(join(dir, 'main.rs'), RUST);
  const sysroot = execFileSync('rustc', ['--print', 'sysroot'], { encoding: 'utf8' }).trim();
  const lld = join(sysroot, 'lib/rustlib/x86_64-unknown-linux-gnu/bin/rust-lld');
  execFileSync('rustc', ['--edition', '2021', '--crate-type', 'bin', '-C', 'panic=abort', '-C', `opt-level=${opt}`,
    '-C', 'relocation-model=static', '-C', 'target-feature=-sse,-sse2,-mmx,+soft-float', '-C', 'debuginfo=0',
    '-C', `linker=${lld}`, '-C', 'linker-flavor=ld.lld', '-C', 'link-arg=-static', '-C', 'link-arg=-nostdlib',
    '-C', 'link-arg=-e_start', '-C', 'link-arg=--image-base=0x200000', '-C', 'link-arg=--build-id=none',
    '-C', 'link-arg=--defsym=rust_eh_personality=0', join(dir, 'main.rs'), '-o', join(dir, 'kernel.elf')], { stdio: 'pipe' });
  return readFileSync(join(dir, 'kernel.elf'));
}

describe('our codegen vs the host rustc: same kernel, same screen', () => {
  const screens = new Map<string, { screen: string; exit: number | null }>();
  it('the host rustc kernel (opt-level 0 and 3)', () => {
    for (const opt of [0, 3]) {
      const image = buildBootImage(rustcKernel(opt));
      if (!image.ok) throw new Error(image.message);
      const { stop, screen } = bootInMachine(image.image);
      screens.set(`rustc-O${opt}`, { screen, exit: stop.kind === 'debug-exit' ? (stop as { code: number }).code : null });
    }
    expect(screens.get('rustc-O0')).toEqual(screens.get('rustc-O3'));
    expect(screens.get('rustc-O0')!.screen.split('\n')[0]).toBe('Hello World!');
  });
  for (const opt of [0, 3] as const) {
    it(`ours at opt-level ${opt} shows the same`, () => {
      const run = compileLinkBoot([irKernel()], opt);
      expect({ screen: run.screen, exit: run.exitCode }).toEqual(screens.get('rustc-O0'));
    });
  }
});

// extern "C" across compilers: our code calls functions compiled by the host's rustc (nine
// mixed-width arguments, four on the stack; a u128 in a register pair and as a result; narrow
// results whose upper bits the ABI leaves unspecified) and rustc's code calls ours back.
const RUST_ABI = `#![no_std]
#[no_mangle]
pub extern "C" fn weigh9(a: u8, b: i16, c: u128, d: i32, e: u64, f: i8, g: u32, h: i64, i: u16) -> i64 {
    (a as i64).wrapping_add((b as i64).wrapping_mul(2)).wrapping_add((c as i64).wrapping_mul(3))
        .wrapping_add((d as i64).wrapping_mul(4)).wrapping_add((e as i64).wrapping_mul(5))
        .wrapping_add((f as i64).wrapping_mul(6)).wrapping_add((g as i64).wrapping_mul(7))
        .wrapping_add((h as i64).wrapping_mul(8)).wrapping_add((i as i64).wrapping_mul(9))
}
#[no_mangle]
pub extern "C" fn wide(a: u128, b: u64) -> u128 { a.wrapping_mul(b as u128) ^ (a >> 3) }
#[no_mangle]
pub extern "C" fn narrow(x: i32) -> i8 { core::hint::black_box(x.wrapping_mul(3)) as i8 }
extern "C" { fn ours_callback(a: u32, b: i64, c: u8, d: u16, e: i32, f: u64, g: i8, h: u32) -> i64; }
#[no_mangle]
pub extern "C" fn call_back() -> i64 { unsafe { ours_callback(1, -2, 3, 4, -5, 6, -7, 8) } }
#[panic_handler]
fn panic(_info: &core::panic::PanicInfo) -> ! { loop {} }
`;

function rustcObject(opt: number): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), 'codegen-abi-'));
  writeFileSync(join(dir, 'abi.rs'), RUST_ABI);
  execFileSync('rustc', ['--edition', '2021', '--crate-type', 'lib', '--emit', 'obj', '-C', 'panic=abort', '-C', `opt-level=${opt}`,
    '-C', 'overflow-checks=off', '-C', 'relocation-model=static', '-C', 'target-feature=-sse,-sse2,-mmx,+soft-float', '-C', 'debuginfo=0',
    join(dir, 'abi.rs'), '-o', join(dir, 'abi.o')], { stdio: 'pipe' });
  return readFileSync(join(dir, 'abi.o'));
}

describe('extern "C" calls between our code and the host rustc\'s', () => {
  for (const [ours, theirs] of [[0, 0], [3, 3]] as const) {
    it(`ours at opt-level ${ours} with rustc -O${theirs}`, () => {
      const types = ['u8', 'i16', 'u128', 'i32', 'u64', 'i8', 'u32', 'i64', 'u16'] as const;
      const args = [200n, -300n, (1n << 100n) + 5n, -70000n, 1n << 40n, -5n, 4000000000n, -(1n << 50n), 65535n];
      const cb = new FuncBuilder('ours_callback', ['u32', 'i64', 'u8', 'u16', 'i32', 'u64', 'i8', 'u32'], 'i64', true);
      let acc: Operand = c('i64', 0);
      for (let k = 0; k < 8; k++) acc = cb.binary('add', 'i64', cb.binary('mul', 'i64', acc, c('i64', 10)), cb.cast('i64', cb.param(k)));
      cb.terminate({ op: 'return', value: acc });
      const s = new FuncBuilder('_start', [], 'never', true);
      const out = s.staticAddr('OUT');
      s.store(out, s.call('weigh9', types.map((t, k) => c(t, args[k]!)), 'i64')!);
      s.store(s.ptrAdd(out, 16), s.call('wide', [c('u128', (1n << 120n) + 12345n), c('u64', 0xdead_beefn)], 'u128')!);
      s.store(s.ptrAdd(out, 32), s.cast('i64', s.call('narrow', [c('i32', 1000)], 'i8')!));
      s.store(s.ptrAdd(out, 40), s.call('call_back', [], 'i64')!);
      s.emit({ op: 'out', port: c('u16', 0xf4), value: c('u32', 0x10) });
      s.emit({ op: 'hlt' });
      const module: Module = {
        name: 'abi', sourceFile: 'abi.rs', funcs: [cb.build(), s.build()], panicSymbol: 'panic',
        externs: [
          { name: 'weigh9', params: [...types], ret: 'i64' },
          { name: 'wide', params: ['u128', 'u64'], ret: 'u128' },
          { name: 'narrow', params: ['i32'], ret: 'i8' },
          { name: 'call_back', params: [], ret: 'i64' },
        ],
        statics: [{ name: 'OUT', global: false, mutable: true, align: 16, bytes: new Uint8Array(48) }],
      };
      const run = compileLinkBoot([module], ours, [readElfObject(rustcObject(theirs), 'abi-rustc.o')]);
      expect(run.exitCode).toBe(0x10);
      const base = run.symbols.get('OUT')!;
      const weighed = args.reduce((sum, x, k) => sum + BigInt.asIntN(64, x) * BigInt(k + 1), 0n);
      expect(BigInt.asIntN(64, readKernel(run, base, 8))).toBe(BigInt.asIntN(64, weighed));
      const a = (1n << 120n) + 12345n;
      expect(readKernel(run, base + 16n, 16)).toBe(BigInt.asUintN(128, a * 0xdead_beefn) ^ (a >> 3n));
      expect(BigInt.asIntN(64, readKernel(run, base + 32n, 8))).toBe(BigInt.asIntN(8, 3000n));
      expect(BigInt.asIntN(64, readKernel(run, base + 40n, 8))).toBe([1n, -2n, 3n, 4n, -5n, 6n, -7n, 8n].reduce((x, y) => x * 10n + y, 0n));
    });
  }
});
