// Rust front-end speed: lexing and parsing the post's main.rs (its final step) and a generated
// 5,000-line program with the constructs kernels use (structs, impls, enums, matches, loops,
// unsafe pointer writes, generics). Figures are the median of several runs after a warm-up.
import { readFileSync } from 'node:fs';
import { parseCrate } from '../src/rustc/index.ts';
import { lex } from '../src/rustc/lexer/lexer.ts';
import type { BenchResult } from './run.ts';

function makeProgram(targetLines: number): string {
  const out = ['#![no_std]', '#![no_main]', 'use core::panic::PanicInfo;', ''];
  for (let i = 0; out.length < targetLines; i++) {
    out.push(
      `#[derive(Clone, Copy)]`,
      `pub struct Cell${i} { x: u32, y: i64, tag: u8 }`,
      `#[repr(u8)]`,
      `enum Kind${i} { A = 1, B = 2, C = 3 }`,
      `impl Cell${i} {`,
      `    pub fn new(x: u32) -> Self { Cell${i} { x, y: -(x as i64), tag: 0 } }`,
      `    fn step<T: Copy + Into<u64>>(&mut self, v: &[T]) -> u64 {`,
      `        let mut acc: u64 = ${i};`,
      `        for (k, &e) in v.iter().enumerate() {`,
      `            acc = acc.wrapping_mul(31).wrapping_add(e.into() ^ k as u64);`,
      `            if acc % 7 == 0 && self.tag < 200 { self.tag += 1; } else { continue; }`,
      `        }`,
      `        match self.x { 0 => acc, 1..=9 => acc << 1, n if n > 1000 => acc >> 2, _ => acc + self.y as u64 }`,
      `    }`,
      `}`,
      `fn draw${i}(s: &[u8], row: usize) {`,
      `    let vga = 0xb8000 as *mut u8;`,
      `    let mut i = 0;`,
      `    while i < s.len() {`,
      `        unsafe { *vga.offset(((row * 80 + i) * 2) as isize) = s[i]; }`,
      `        i += 1;`,
      `    }`,
      `    let _k = Kind${i}::B as u8;`,
      `}`,
      '',
    );
  }
  out.push('#[panic_handler]', 'fn panic(_info: &PanicInfo) -> ! { loop {} }');
  return out.join('\n') + '\n';
}

function median(f: () => void, runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    f();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

export default async function benchRustcFrontEnd(): Promise<BenchResult[]> {
  const mainRs = readFileSync(new URL('../src/rustc/testdata/corpus/02_post_hello.rs', import.meta.url), 'utf8');
  const big = makeProgram(5000);
  const bigLines = big.split('\n').length - 1;
  for (const src of [mainRs, big]) {
    const r = parseCrate(src, 'bench.rs');
    if (r.diagnostics.length) throw new Error(`benchmark program does not parse: ${r.diagnostics[0]!.message}`);
  }
  for (let i = 0; i < 3; i++) parseCrate(big, 'big.rs'); // warm-up
  const mainMs = median(() => parseCrate(mainRs, 'main.rs'), 50);
  const bigLexMs = median(() => lex(big), 7);
  const bigMs = median(() => parseCrate(big, 'big.rs'), 7);
  return [
    { name: "lex+parse the post's main.rs", value: mainMs, unit: 'ms' },
    { name: `lex ${bigLines}-line generated file`, value: bigLexMs, unit: 'ms' },
    { name: `lex+parse ${bigLines}-line generated file`, value: bigMs, unit: 'ms' },
    { name: 'front-end throughput', value: bigLines / (bigMs / 1000), unit: 'lines/s' },
  ];
}
