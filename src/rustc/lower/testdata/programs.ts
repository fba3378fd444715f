// Rust programs for the lowering oracle test: each defines `fn run() -> u64` in the subset.
// The host's rustc runs them natively (std, debug and -O); Bootlab type-checks and lowers them
// and the IR interpreter runs them. Results, or panic messages and locations, must agree.
export interface Program { readonly name: string; readonly source: string }

export const PROGRAMS: Program[] = [
  { name: 'arithmetic mix', source: `
pub fn run() -> u64 {
    let a: u32 = 1000;
    let b: i16 = -300;
    let c = (a as u64) * 3 + (b as i64 as u64 & 0xff);
    let d = (a / 7) as u64 + (a % 7) as u64;
    c * 100 + d
}` },
  { name: 'add overflow', source: `
pub fn run() -> u64 {
    let mut x: u8 = 250;
    let mut i = 0;
    while i < 10 {
        x = x + 1;
        i += 1;
    }
    x as u64
}` },
  { name: 'signed division checks', source: `
fn div(a: i32, b: i32) -> i32 {
    a / b
}
pub fn run() -> u64 {
    let mut s: i64 = 0;
    let xs = [7, -7, 100, -100];
    for x in xs.iter() {
        s += div(*x, 3) as i64;
        s += (*x % -3) as i64;
    }
    (s + 1000) as u64
}` },
  { name: 'division by zero', source: `
pub fn run() -> u64 {
    let zero = [0u32, 1];
    let n = 10 / zero[0];
    n as u64
}` },
  { name: 'shift overflow', source: `
pub fn run() -> u64 {
    let mut s: u64 = 0;
    let mut k: u32 = 60;
    while k < 70 {
        s = s + (1u64 << k);
        k += 1;
    }
    s
}` },
  { name: 'negate MIN', source: `
pub fn run() -> u64 {
    let v: [i8; 3] = [5, -128, 3];
    let mut t: i64 = 0;
    for x in v.iter() {
        t += (-*x) as i64;
    }
    t as u64
}` },
  { name: 'bounds check', source: `
pub fn run() -> u64 {
    let a = [1u64, 2, 3];
    let mut s = 0;
    let mut i = 0;
    loop {
        s += a[i];
        i += 1;
    }
}` },
  { name: 'structs and methods', source: `
#[derive(Clone, Copy)]
struct Point { x: i32, y: i32 }
impl Point {
    fn new(x: i32, y: i32) -> Point { Point { x: x, y: y } }
    fn add(&self, o: Point) -> Point { Point { x: self.x + o.x, y: self.y + o.y } }
    fn scale(&mut self, k: i32) { self.x *= k; self.y *= k; }
    fn norm1(self) -> u64 { (if self.x < 0 { -self.x } else { self.x }) as u64 + (if self.y < 0 { -self.y } else { self.y }) as u64 }
}
pub fn run() -> u64 {
    let mut p = Point::new(3, -4);
    let q = p.add(Point::new(10, 1));
    p.scale(5);
    p.norm1() * 1000 + q.norm1()
}` },
  { name: 'enums and match', source: `
#[derive(Clone, Copy, PartialEq)]
#[repr(u8)]
enum Color { Black = 0, Red = 4, Green = 2, White = 15 }
fn code(c: Color) -> u64 {
    match c {
        Color::Black => 1,
        Color::Red | Color::Green => 2,
        _ => c as u64,
    }
}
pub fn run() -> u64 {
    let cs = [Color::Black, Color::Red, Color::Green, Color::White];
    let mut s = 0;
    for c in cs.iter() {
        s = s * 100 + code(*c);
        if *c == Color::Green { s += 7; }
    }
    s
}` },
  { name: 'match ranges and guards', source: `
fn class(x: i32) -> u64 {
    match x {
        i32::MIN..=-1 => 1,
        0 => 2,
        1 | 2 | 3 => 3,
        n if n % 2 == 0 => 4,
        10..=99 => 5,
        _ => 6,
    }
}
pub fn run() -> u64 {
    let xs = [-5, 0, 2, 8, 11, 101];
    let mut s = 0;
    for x in xs.iter() { s = s * 10 + class(*x); }
    s
}` },
  { name: 'tuples and destructuring', source: `
fn divmod(a: u32, b: u32) -> (u32, u32) { (a / b, a % b) }
pub fn run() -> u64 {
    let (q, r) = divmod(47, 5);
    let t = (q, (r, true));
    let (a, (b, c)) = t;
    let mut s = (a * 10 + b) as u64;
    if c { s += 1000; }
    s
}` },
  { name: 'loops with labels and break values', source: `
pub fn run() -> u64 {
    let mut count = 0u64;
    'outer: for i in 0..10u64 {
        for j in 0..10u64 {
            if j > i { continue 'outer; }
            if i * j > 40 { break 'outer; }
            count += 1;
        }
    }
    let mut n = 0;
    let found = loop {
        n += 1;
        if n * n > 200 { break n; }
    };
    count * 1000 + found
}` },
  { name: 'inclusive range to MAX and rev', source: `
pub fn run() -> u64 {
    let mut s = 0u64;
    for b in 250u8..=255 { s += b as u64; }
    for i in (0..5u64).rev() { s = s * 10 + i; }
    for i in (1..=3u64).rev() { s = s * 10 + i; }
    s
}` },
  { name: 'step_by and enumerate', source: `
pub fn run() -> u64 {
    let mut s = 0u64;
    for i in (0..20u64).step_by(6) { s = s * 100 + i; }
    let a = [9u64, 8, 7];
    for (i, x) in a.iter().enumerate() { s = s * 10 + (i as u64) * *x; }
    s
}` },
  { name: 'strings: bytes, chars, len, slicing', source: `
pub fn run() -> u64 {
    let s = "héllo, wörld";
    let mut h = 0u64;
    for b in s.bytes() { h = h.wrapping_mul(31).wrapping_add(b as u64); }
    let mut c = 0u64;
    for ch in s.chars() { c = c * 3 + (ch as u64 % 7); }
    let t = &s[7..];
    h % 100000 + c % 1000 * 100000 + (t.len() as u64) * 100000000
}` },
  { name: 'byte strings and static slices', source: `
static HELLO: &[u8] = b"Hello World!";
static mut COUNTER: u32 = 0;
fn bump() -> u32 {
    unsafe { COUNTER += 1; COUNTER }
}
pub fn run() -> u64 {
    let mut s = 0u64;
    for (i, &byte) in HELLO.iter().enumerate() {
        s += (i as u64 + 1) * byte as u64;
    }
    bump();
    bump();
    s * 10 + bump() as u64
}` },
  { name: 'raw pointers', source: `
pub fn run() -> u64 {
    let mut buf = [0u16; 8];
    let p = &mut buf as *mut [u16; 8] as *mut u16;
    unsafe {
        for i in 0..8 {
            *p.add(i) = (i * i) as u16;
        }
        *p.offset(3) += 100;
        core::ptr::write_volatile(p.add(7), 7);
        let q = p.add(2) as *const u16;
        (core::ptr::read_volatile(q) as u64) * 1000 + *p.add(3) as u64 + buf[7] as u64
    }
}` },
  { name: 'arrays copied, slices passed', source: `
fn sum(xs: &[u32]) -> u64 {
    let mut s = 0u64;
    for x in xs.iter() { s += *x as u64; }
    s
}
fn fill(xs: &mut [u32], v: u32) {
    let mut i = 0;
    while i < xs.len() { xs[i] = v + i as u32; i += 1; }
}
pub fn run() -> u64 {
    let mut a = [0u32; 20];
    fill(&mut a, 5);
    let b = a;
    fill(&mut a[10..], 100);
    sum(&a) * 10000 + sum(&b[..5])
}` },
  { name: 'large struct copies (memcpy)', source: `
#[derive(Clone, Copy)]
struct Big { data: [u64; 12], tag: u8 }
fn bump(mut b: Big) -> Big { b.data[11] += 1; b.tag += 1; b }
pub fn run() -> u64 {
    let mut b = Big { data: [3; 12], tag: 0 };
    let c = bump(b);
    b.data[0] = 9;
    let d = bump(bump(c));
    d.data[11] * 1000 + d.tag as u64 * 100 + b.data[0] + c.data[0]
}` },
  { name: 'integer methods of core', source: `
pub fn run() -> u64 {
    let a: u32 = 0x1234_5678;
    let (v, o) = 200u8.overflowing_add(100);
    let r = a.rotate_left(8) as u64;
    let z = (a.count_ones() + a.leading_zeros() * 100 + (a.trailing_zeros() * 10000)) as u64;
    r + z * 0x1_0000_0000 + v as u64 + o as u64 * 1000 + (-5i32).wrapping_mul(3) as u64
}` },
  { name: 'shadowing, blocks as values, if let', source: `
pub fn run() -> u64 {
    let x = 5u64;
    let x = { let y = x * 2; y + 1 };
    let t = (x, 3u8);
    let mut s = 0u64;
    if let (11, n) = t { s += n as u64; }
    let x = if s > 2 { x * 100 } else { 0 };
    x + s
}` },
  { name: 'explicit panic and assert', source: `
fn check(v: u32) -> u32 {
    assert!(v < 10);
    if v == 7 { panic!("seven is not allowed"); }
    v * 2
}
pub fn run() -> u64 {
    let mut s = 0u64;
    for i in 0..10 { s += check(i) as u64; }
    s
}` },
  { name: 'char arithmetic and casts', source: `
pub fn run() -> u64 {
    let mut s = 0u64;
    for c in 'a'..='e' { s = s * 10 + (c as u64 - 'a' as u64); }
    let b = b'z';
    let ch = b as char;
    let neg = -1i8;
    s * 1000 + ch as u64 + (neg as u8) as u64 + (300i32 as u8) as u64 + (true as u64)
}` },
  { name: 'u128 and i128', source: `
pub fn run() -> u64 {
    let a: u128 = 0xffff_ffff_ffff_ffff_ffff;
    let b = a * 3 + 7;
    let c = (b >> 40) as u64;
    let d: i128 = -12345678901234567890;
    c ^ ((d / 1000) as u64) ^ ((b % 1000) as u64)
}` },
  { name: 'multiply overflow in u64', source: `
fn fact(n: u64) -> u64 { if n == 0 { 1 } else { n * fact(n - 1) } }
pub fn run() -> u64 { fact(25) }` },
  { name: 'while let over a countdown and nested functions', source: `
pub fn run() -> u64 {
    fn sq(x: u64) -> u64 { x * x }
    let mut n = 5u64;
    let mut s = 0;
    while n > 0 {
        s += sq(n);
        n -= 1;
    }
    let mut arr = [1u8, 2, 3, 4];
    for x in arr.iter_mut() { *x *= 3; }
    s * 1000 + arr[3] as u64
}` },
  { name: 'function pointers', source: `
fn add(a: u32, b: u32) -> u32 { a + b }
fn mul(a: u32, b: u32) -> u32 { a * b }
fn apply(f: fn(u32, u32) -> u32, x: u32) -> u32 { f(x, x + 1) }
pub fn run() -> u64 {
    let ops: [fn(u32, u32) -> u32; 2] = [add, mul];
    let mut s = 0u64;
    for op in ops.iter() { s = s * 1000 + apply(*op, 6) as u64; }
    let g = mul;
    s * 10 + g(2, 3) as u64 % 10
}` },
  { name: 'slice comparisons and let else', source: `
fn first_two(xs: &[u8]) -> u64 {
    let (2, b) = (xs[0], xs[1]) else { return 99 };
    20 + b as u64
}
pub fn run() -> u64 {
    let x = [1u8, 2, 3, 4];
    let y = [1u8, 2, 3, 5];
    let mut s = 0u64;
    if x[..3] == y[..3] { s += 1; }
    if x[..] != y[..] { s += 10; }
    if "abc" == "abc" { s += 100; }
    s * 1000 + first_two(&x[1..]) + first_two(&x[2..])
}` },
  { name: 'struct statics, consts and nested arrays', source: `
#[derive(Clone, Copy)]
struct Entry { key: u8, vals: [u16; 3] }
static TABLE: [Entry; 2] = [Entry { key: 1, vals: [10, 20, 30] }, Entry { key: 2, vals: [40, 50, 60] }];
const GRID: [[u8; 3]; 2] = [[1, 2, 3], [4, 5, 6]];
pub fn run() -> u64 {
    let mut s = 0u64;
    for e in TABLE.iter() {
        for v in e.vals.iter() { s += *v as u64 * e.key as u64; }
    }
    let mut g = GRID;
    g[1][2] = 60;
    for row in g.iter() { for c in row.iter() { s = s * 2 + *c as u64; } }
    s
}` },
  { name: 'match bindings with @ and tuples of refs', source: `
fn kind(p: (i32, i32)) -> u64 {
    match p {
        (0, 0) => 1,
        (x @ 1..=9, 0) => 10 + x as u64,
        (_, y @ (-3 | 3)) => 20 + (y + 3) as u64,
        (a, b) if a == b => 40,
        _ => 50,
    }
}
pub fn run() -> u64 {
    let ps = [(0, 0), (5, 0), (7, -3), (2, 3), (4, 4), (9, 9), (1, 2)];
    let mut s = 0u64;
    for &(a, b) in ps.iter() { s = s * 100 + kind((a, b)); }
    s
}` },
  { name: 'iter_mut with enumerate, while with compound conditions', source: `
pub fn run() -> u64 {
    let mut a = [0u32; 10];
    for (i, x) in a.iter_mut().enumerate() { *x = (i * i) as u32; }
    let mut i = 0;
    let mut s = 0u64;
    while i < a.len() && !(a[i] > 40 || s > 1000) {
        s += a[i] as u64;
        i += 1;
    }
    s * 100 + i as u64
}` },
  { name: 'slice index out of range (runtime numbers)', source: `
fn sum(xs: &[u16]) -> u64 {
    let mut s = 0u64;
    for x in xs.iter() { s += *x as u64; }
    s
}
pub fn run() -> u64 {
    let a = [1u16, 2, 3, 4, 5];
    let n = core::hint::black_box(7usize);
    sum(&a[2..n])
}` },
  { name: 'struct literal fields evaluated in source order', source: `
struct P { a: u64, b: u64, c: u64 }
static mut N: u64 = 0;
fn next() -> u64 { unsafe { N += 1; N } }
pub fn run() -> u64 {
    let p = P { c: next(), a: next(), b: next() };
    p.a * 100 + p.b * 10 + p.c
}` },
];
