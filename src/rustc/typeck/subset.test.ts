// The subset of issue 6 §2 analyses cleanly, and the THIR says what later stages need:
// desugarings, adjustments, resolved types and constant values.
import { describe, expect, it } from 'vitest';
import { renderAllHuman } from '../index.ts';
import type { FnDef } from '../thir/defs.ts';
import { analyze } from './harness.ts';
import { printConst, printFn } from './print.ts';

function clean(src: string) {
  const r = analyze(`#![no_std]\n#![no_main]\n${src}`, { crateType: 'bin' });
  expect(renderAllHuman(r.diagnostics, r.sourceMap)).toBe('');
  return r.crate;
}

function fn(crate: { fns: FnDef[] }, name: string): string {
  return printFn(crate.fns.find((f) => f.name === name)!);
}

describe('the subset analyses cleanly', () => {
  it('match: integers, ranges, or-patterns, guards, bindings, tuples, enums', () => {
    const c = clean(`
#[derive(Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
enum Dir { North = 1, East, South = 10, West }
fn classify(n: i32, d: Dir, pair: (u8, bool)) -> u32 {
    let a = match n {
        i32::MIN..=-1 => 0,
        0 | 1 => 1,
        x @ 2..=9 if x % 2 == 0 => 2,
        _ => 3,
    };
    let b = match d { Dir::North | Dir::East => 10, Dir::South => 20, Dir::West => 30 };
    let c = match pair { (0, _) => 100, (v, true) => v as u32, (_, false) => 0 };
    a + b + c + (d as u8) as u32 + if d == Dir::West { 1 } else { 0 }
}`);
    const dir = c.adts.find((a) => a.name === 'Dir')!;
    expect(dir.variants.map((v) => [v.name, v.discr])).toEqual([['North', 1n], ['East', 2n], ['South', 10n], ['West', 11n]]);
    expect([dir.repr, dir.discrTy, dir.derives]).toEqual(['u8', 'u8', ['Clone', 'Copy', 'PartialEq', 'Eq']]);
    expect(fn(c, 'classify')).toMatch(/arm x@\d+ @ 2..=9: i32/);
    expect(fn(c, 'classify')).toContain('arm -2147483648..=-1: i32');
  });

  it('loops: while, while let, labelled breaks with values, for over every iterator', () => {
    const c = clean(`
fn loops(s: &str, a: &mut [u8; 4]) -> u32 {
    let mut total = 0u32;
    let mut i = 0;
    while i < 3 { i += 1; }
    for x in (0..10).rev().step_by(2) { total += x; }
    for ch in s.chars() { if ch == 'a' { continue; } total += 1; }
    for b in s.bytes() { total += b as u32; }
    for (k, v) in a.iter_mut().enumerate() { *v = k as u8; }
    for v in a.iter() { total += *v as u32; }
    for v in &a[1..] { total += *v as u32; }
    let found = 'search: loop {
        for j in 0..=5u32 { if j * j > 10 { break 'search j; } }
        break 0;
    };
    let mut n = 5;
    while let 1..=9 = n { n -= 1; }
    let v = 'blk: { if total > 3 { break 'blk 7; } 8 };
    total + found + i + v
}`);
    const text = fn(c, 'loops');
    expect(text).toContain('builtin iter.step_by: core::iter::StepBy<core::iter::Rev<core::ops::Range<u32>>>');
    expect(text).toContain('builtin str.chars');
    expect(text).toContain('builtin slice.iter_mut: core::slice::IterMut');
    expect(text).toContain('rangeIndex no-hi: [u8]');
    expect(text).toMatch(/loop#\d+: u32/);
  });

  it('structs, impls, methods, associated functions and consts, Self, struct update', () => {
    const c = clean(`
#[derive(Clone, Copy)]
pub struct Pos { pub row: usize, pub col: usize }
struct Writer { pos: Pos, colour: u8 }
impl Writer {
    const WIDTH: usize = 80;
    pub fn new(colour: u8) -> Self { Self { pos: Pos { row: 0, col: 0 }, colour } }
    fn advance(&mut self) { self.pos.col += 1; if self.pos.col >= Self::WIDTH { self.newline(); } }
    fn newline(&mut self) { self.pos = Pos { col: 0, ..self.pos }; self.pos.row += 1; }
    fn col(&self) -> usize { self.pos.col }
    fn into_colour(self) -> u8 { self.colour }
}
struct Unit;
struct Pair(u8, u16);
fn use_them() -> usize {
    let mut w = Writer::new(0x0b);
    w.advance();
    let r = &mut w;
    r.advance();
    let p = Pair(1, 2);
    let _u = Unit;
    w.col() + p.1 as usize + w.into_colour() as usize + Writer::WIDTH
}`);
    const text = fn(c, 'use_them');
    expect(text).toContain('call Writer::advance');
    expect(text).toMatch(/addrOf mut: &mut Writer\n\s+local w@0/);
    expect(fn(c, 'newline')).toContain('struct Pos');
  });

  it('pointers, statics, addr_of!, &raw, fn pointers, builtins of core::ptr', () => {
    const c = clean(`
use core::ptr;
static mut BUF: [u8; 8] = [0; 8];
static TABLE: [u16; 3] = [1, 2, 3];
static LOC: &[u16] = &TABLE;
const VGA: *mut u8 = 0xb8000 as *mut u8;
fn apply(f: fn(u8) -> u8, x: u8) -> u8 { f(x) }
fn double(x: u8) -> u8 { x.wrapping_add(x) }
fn ptrs() -> u8 {
    let p = core::ptr::addr_of_mut!(BUF) as *mut u8;
    let q = &raw const TABLE;
    unsafe {
        ptr::write_volatile(p.add(1), 7);
        ptr::write_volatile(VGA, b'H');
        let v = p.offset(1).read_volatile();
        let n: *const u32 = ptr::null();
        if n.is_null() && !q.is_null() { apply(double, v) } else { u8::MAX }
    }
}`);
    expect(c.statics.map((s) => `${s.name}=${s.value ? printConst(s.value) : '?'}`)).toEqual(['BUF={0, 0, 0, 0, 0, 0, 0, 0}', 'TABLE={1, 2, 3}', 'LOC=&static TABLE[len 3]']);
    expect(c.consts[0]!.value).toEqual({ kind: 'ptr', addr: 0xb8000n });
    const text = fn(c, 'ptrs');
    expect(text).toContain('builtin ptr.write_volatile');
    expect(text).toContain('builtin ptr.null::<u32>');
    expect(text).toContain('coerce fnItemToPtr: fn(u8) -> u8');
    expect(fn(c, 'double')).toContain('builtin int.wrapping_add: u8');
  });

  it('modules, use forms, nested functions, shadowing, assert! and panics', () => {
    const c = clean(`
mod vga {
    pub mod colours { pub const WHITE: u8 = 15; pub fn all() -> u8 { super::helper() } }
    fn helper() -> u8 { 1 }
    pub use self::colours::WHITE as BRIGHT;
}
use vga::colours::{self, all};
use crate::vga::*;
fn shadow() -> u8 {
    fn inner(x: u8) -> u8 { x + 1 }
    let x = 5;
    let x = x * 2;
    let x = { let y = x; y + 1 };
    assert!(x > 3, "too small");
    debug_assert!(x != 0);
    if x == 200 { unreachable!() }
    inner(x) + colours::WHITE + all() + BRIGHT
}`);
    const text = fn(c, 'shadow');
    expect(text).toContain('panic "too small"');
    expect(text).toContain('panic "assertion failed: x != 0"');
    expect(text).toContain('panic "internal error: entered unreachable code"');
    expect(text).toContain('const WHITE');
  });

  it('infers integer literals as rustc does', () => {
    const c = clean(`
fn infer(a: u16) -> u64 {
    let x = 1;
    let y = x + a;
    let big = 1 << 40;
    let z: u64 = 3;
    let w = 300 as u8;
    let idx = 2;
    let arr = [1u64, 2, 3];
    let s = arr[idx];
    (y as u64) + z + w as u64 + s + big as u64
}`);
    const body = c.fns[0]!.body!;
    const ty = (name: string) => body.locals.find((l) => l.name === name)!.ty;
    expect(ty('x')).toEqual({ kind: 'int', int: 'u16' });
    expect(ty('big')).toEqual({ kind: 'int', int: 'i32' });
    expect(ty('w')).toEqual({ kind: 'int', int: 'u8' });
    expect(ty('idx')).toEqual({ kind: 'int', int: 'usize' });
  });
});
