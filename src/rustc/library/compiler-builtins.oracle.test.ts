// Our compiler_builtins' algorithms against Rust's own operations: int.rs and mem.rs, compiled by
// the host's rustc as ordinary modules (their `#[no_mangle]` removed so they do not replace the
// host's libc), run natively over edge values, 200,000 random division and multiplication pairs and 20,000 random buffers. The machine test
// (library.machine.test.ts) runs the same functions compiled by our compiler.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { LIBRARY_SOURCES } from './sources.generated.ts';

const HARNESS = `
mod int;
mod mem;

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 { self.0 ^= self.0 << 13; self.0 ^= self.0 >> 7; self.0 ^= self.0 << 17; self.0 }
    /// A u128 with a random number of significant bits, so every length of division is met.
    fn wide(&mut self) -> u128 {
        let v = ((self.next() as u128) << 64) | self.next() as u128;
        let bits = self.next() % 129;
        if bits == 128 { v } else { v & ((1u128 << bits) - 1) }
    }
}

fn main() {
    let edges: [u128; 10] = [0, 1, 2, 3, u64::MAX as u128, 1 << 64, (1 << 64) + 1, 1 << 127, u128::MAX, u128::MAX - 1];
    let mut rng = Rng(0x2545F4914F6CDD1D);
    let mut pairs: Vec<(u128, u128)> = Vec::new();
    for a in edges { for b in edges { pairs.push((a, b)); } }
    for _ in 0..200000 { pairs.push((rng.wide(), rng.wide())); }
    let mut cases = 0u64;
    let mut wrong = 0u64;
    for &(a, b) in &pairs {
        let (sa, sb) = (a as i128, b as i128);
        if b != 0 {
            cases += 1;
            if int::__udivti3(a, b) != a / b || int::__umodti3(a, b) != a % b { wrong += 1; println!("u {a} {b}"); }
            if !(sa == i128::MIN && sb == -1) && (int::__divti3(sa, sb) != sa / sb || int::__modti3(sa, sb) != sa % sb) { wrong += 1; println!("i {sa} {sb}"); }
        }
        let mut o: i32 = 7;
        let p = unsafe { int::__muloti4(sa, sb, &mut o) };
        let (e, eo) = sa.overflowing_mul(sb);
        if p != e || o != eo as i32 { wrong += 1; println!("mul {sa} {sb} {p} {o}"); }
    }
    // Memory functions: random offsets and lengths in a 256-byte buffer, against slice operations.
    for _ in 0..20000 {
        let mut buf = [0u8; 256];
        for x in buf.iter_mut() { *x = rng.next() as u8; }
        let n = (rng.next() % 100) as usize;
        let s = (rng.next() % 150) as usize;
        let d = (rng.next() % 150) as usize;
        let mut expect = buf;
        expect.copy_within(s..s + n, d);
        let mut got = buf;
        unsafe { mem::memmove(got.as_mut_ptr().add(d), got.as_ptr().add(s), n); }
        if got != expect { wrong += 1; println!("memmove {s} {d} {n}"); }
        let (lo, hi) = if s + n <= d || d + n <= s { (s, d) } else { (0, 128) };
        let mut got = buf;
        let mut expect = buf;
        expect.copy_within(lo..lo + n, hi);
        unsafe { mem::memcpy(got.as_mut_ptr().add(hi), got.as_ptr().add(lo), n); }
        if got != expect { wrong += 1; println!("memcpy {lo} {hi} {n}"); }
        let c = rng.next() as i32;
        let mut got = buf;
        let mut expect = buf;
        for x in &mut expect[d..d + n] { *x = c as u8; }
        unsafe { mem::memset(got.as_mut_ptr().add(d), c, n); }
        if got != expect { wrong += 1; println!("memset {d} {n}"); }
        let mut other = buf;
        if n > 0 && rng.next() % 2 == 0 { let k = s + (rng.next() as usize % n); other[k] = other[k].wrapping_add(1 + (rng.next() % 255) as u8); }
        let r = unsafe { mem::memcmp(buf.as_ptr().add(s), other.as_ptr().add(s), n) };
        let e = buf[s..s + n].cmp(&other[s..s + n]);
        if r.signum() != e as i32 { wrong += 1; println!("memcmp {s} {n} {r}"); }
        let r = unsafe { mem::bcmp(buf.as_ptr().add(s), other.as_ptr().add(s), n) };
        if (r == 0) != (e == core::cmp::Ordering::Equal) { wrong += 1; println!("bcmp {s} {n}"); }
        cases += 5;
    }
    println!("{cases} {wrong}");
}
`;

it('compiler_builtins computes what Rust computes (host rustc)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'builtins-'));
  const unmangled = (s: string) => s.replace(/#\[no_mangle\]\n/g, '');
  writeFileSync(join(dir, 'int.rs'), unmangled(LIBRARY_SOURCES.compiler_builtins['int.rs']!));
  writeFileSync(join(dir, 'mem.rs'), unmangled(LIBRARY_SOURCES.compiler_builtins['mem.rs']!));
  writeFileSync(join(dir, 'main.rs'), HARNESS);
  execFileSync('rustc', ['--edition', '2021', '-O', '-C', 'overflow-checks=off', '-A', 'dead_code', '-o', join(dir, 'main'), join(dir, 'main.rs')], { stdio: 'pipe' });
  const lines = execFileSync(join(dir, 'main'), { encoding: 'utf8' }).trim().split('\n');
  const [cases, wrong] = lines[lines.length - 1]!.split(' ').map(Number);
  expect(lines.slice(0, -1)).toEqual([]);
  expect(wrong).toBe(0);
  expect(cases).toBeGreaterThan(290_000);
}, 300_000);
