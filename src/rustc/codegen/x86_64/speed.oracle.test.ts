// Instruction counts (the machine's clock: one instruction per ns, a deterministic count, not a
// timing) of the same compute kernel compiled by the host's rustc and by us, debug and release,
// each booted by our bootloader in Bootlab's machine. The figures are printed; the assertion
// is the target for release code, "within 2x of rustc -O".
import { describe, expect, it, vi } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildBootImage } from '../../../boot/bootimage.ts';
import { createMachine } from '../../../machine/machine.ts';
import { link } from '../../../link/link.ts';
import { FuncBuilder } from '../../ir/builder.ts';
import { c, v, type Module } from '../../ir/types.ts';
import { compileModule } from './object.ts';

vi.setConfig({ testTimeout: 300_000 });

const N = 3000;
const RUST = (n: number) => `#![no_std]
#![no_main]
#[panic_handler] fn panic(_i: &core::panic::PanicInfo) -> ! { loop {} }
fn collatz(mut n: u64) -> u64 { let mut s = 0u64; while n != 1 { n = if n % 2 == 0 { n / 2 } else { n.wrapping_mul(3).wrapping_add(1) }; s = s.wrapping_add(1); } s }
#[no_mangle] pub extern "C" fn _start() -> ! {
  let mut total = 0u64; let mut i = 1u64;
  while i < core::hint::black_box(${n}u64) { total = total.wrapping_add(collatz(i)); i += 1; }
  unsafe { (0xb8000 as *mut u64).write_volatile(total); core::arch::asm!("out dx, eax", in("dx") 0xf4u16, in("eax") 0x10u32); }
  loop {}
}`;
function rustc(opt: number, n: number): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), 'speed-'));
  writeFileSync(join(dir, 'main.rs'), RUST(n));
  const lld = join(execFileSync('rustc', ['--print', 'sysroot'], { encoding: 'utf8' }).trim(), 'lib/rustlib/x86_64-unknown-linux-gnu/bin/rust-lld');
  execFileSync('rustc', ['--edition', '2021', '--crate-type', 'bin', '-C', 'panic=abort', '-C', `opt-level=${opt}`, '-C', 'relocation-model=static', '-C', 'target-feature=-sse,-sse2,-mmx,+soft-float', '-C', `linker=${lld}`, '-C', 'linker-flavor=ld.lld', '-C', 'link-arg=-static', '-C', 'link-arg=-nostdlib', '-C', 'link-arg=-e_start', '-C', 'link-arg=--image-base=0x200000', '-C', 'link-arg=--defsym=rust_eh_personality=0', join(dir, 'main.rs'), '-o', join(dir, 'k')], { stdio: 'pipe' });
  return readFileSync(join(dir, 'k'));
}
function ir(n: number): Module {
  const col = new FuncBuilder('collatz', ['u64'], 'u64');
  const x = col.value('u64'); const s = col.value('u64');
  col.assign(x, col.param(0)).assign(s, c('u64', 0));
  col.terminate({ op: 'goto', target: 'head' });
  col.block('head'); col.terminate({ op: 'branch', cond: col.compare('ne', v(x), c('u64', 1)), then: 'body', else: 'exit' });
  col.block('body'); col.terminate({ op: 'branch', cond: col.compare('eq', col.binary('rem', 'u64', v(x), c('u64', 2)), c('u64', 0)), then: 'even', else: 'odd' });
  col.block('even'); col.assign(x, col.binary('div', 'u64', v(x), c('u64', 2))); col.terminate({ op: 'goto', target: 'next' });
  col.block('odd'); col.assign(x, col.binary('add', 'u64', col.binary('mul', 'u64', v(x), c('u64', 3)), c('u64', 1))); col.terminate({ op: 'goto', target: 'next' });
  col.block('next'); col.assign(s, col.binary('add', 'u64', v(s), c('u64', 1))); col.terminate({ op: 'goto', target: 'head' });
  col.block('exit'); col.terminate({ op: 'return', value: v(s) });
  const st = new FuncBuilder('_start', [], 'never', true);
  const t = st.value('u64'); const i = st.value('u64');
  st.assign(t, c('u64', 0)).assign(i, c('u64', 1));
  st.terminate({ op: 'goto', target: 'h' });
  st.block('h'); st.terminate({ op: 'branch', cond: st.compare('lt', v(i), c('u64', n)), then: 'b', else: 'e' });
  st.block('b'); st.assign(t, st.binary('add', 'u64', v(t), st.call('collatz', [v(i)], 'u64')!)); st.assign(i, st.binary('add', 'u64', v(i), c('u64', 1))); st.terminate({ op: 'goto', target: 'h' });
  st.block('e'); st.store(st.cast('ptr', c('usize', 0xb8000)), v(t), true); st.emit({ op: 'out', port: c('u16', 0xf4), value: c('u32', 0x10) }); st.emit({ op: 'hlt' });
  return { name: 'speed', sourceFile: 'main.rs', funcs: [col.build(), st.build()], statics: [], externs: [], panicSymbol: 'panic' };
}
function run(kernel: Uint8Array): { ns: number; total: bigint } {
  const img = buildBootImage(kernel); if (!img.ok) throw new Error(img.message);
  const m = createMachine({ diskImage: img.image });
  for (;;) { const s = m.run({ maxInstructions: 50_000_000 }); if (s.kind !== 'slice') break; }
  return { ns: m.cpu.nowNs, total: BigInt(m.mem.read32(0xb8000)) | (BigInt(m.mem.read32(0xb8004)) << 32n) };
}
const ours = (opt: 0 | 3, n: number) => { const r = link([compileModule(ir(n), { optLevel: opt }).object], { entry: '_start' }); return r.bytes!; };
describe('speed of generated code: instructions executed in the machine', () => {
  it('collatz over 1..3000: ours at opt-level 3 within 2x of rustc -O3 (figures printed)', () => {
    const counts = new Map<string, number>();
    const totals = new Set<bigint>();
    for (const [name, k] of [['rustc -O0', (n: number) => rustc(0, n)], ['rustc -O3', (n: number) => rustc(3, n)], ['ours -O0', (n: number) => ours(0, n)], ['ours -O3', (n: number) => ours(3, n)]] as const) {
      // The boot itself is subtracted: the same kernel with an empty range.
      const base = run(k(2));
      const full = run(k(N));
      counts.set(name, full.ns - base.ns);
      totals.add(full.total);
      console.log(`${name}: ${full.ns - base.ns} instructions`);
    }
    expect([...totals]).toEqual([215015n]);
    const ratio = counts.get('ours -O3')! / counts.get('rustc -O3')!;
    console.log(`ours -O3 / rustc -O3 = ${ratio.toFixed(2)}; ours -O0 / rustc -O0 = ${(counts.get('ours -O0')! / counts.get('rustc -O0')!).toFixed(2)}`);
    expect(ratio).toBeLessThan(2);
  });
});
