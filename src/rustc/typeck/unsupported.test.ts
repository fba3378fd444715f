// Constructs outside the subset are refused by name, once, on the construct — never a crash and
// never a cascade of "cannot find" errors for the refused item's uses.
import { describe, expect, it } from 'vitest';
import { analyze } from './harness.ts';

const CASES: [string, string, string][] = [
  ['generic function', 'fn id<T>(x: T) -> T { x }\nfn f() -> u8 { id(1u8) }', 'generic functions'],
  ['generic struct', 'struct B<T> { x: T }\nfn f() { let b = B { x: 1u8 }; }', 'generic structs'],
  ['trait and impl', 'trait Shape { fn area(&self) -> u32; }\nstruct Sq(u32);\nimpl Shape for Sq { fn area(&self) -> u32 { self.0 } }\nfn f(s: Sq) -> u32 { s.area() }', 'traits'],
  ['closure', 'fn f() -> u8 { let g = |x: u8| x + 1; 3 }', 'closures'],
  ['float', 'fn f() -> u32 { let x = 1.5; 2 }', 'floating-point numbers'],
  ['f64 type', 'fn f(x: f64) {}', 'floating-point types'],
  ['asm', 'fn f() { unsafe { core::arch::asm!("hlt") } }', '`asm!`'],
  ['dyn', 'fn f(x: &dyn Copy) {}', 'trait objects (`dyn`)'],
  ['impl Trait', 'fn f() -> impl Copy { 1u8 }', '`impl Trait` types'],
  ['Option', 'fn f() -> Option<u8> { None }', '`Option`'],
  ['question mark', 'fn f(x: u8) -> u8 { x? }', 'the `?` operator'],
  ['format_args', 'fn f() { let a = format_args!("hi"); }', 'the `format_args!` macro'],
  ['write', 'fn f() { write!(w, "hi"); }', 'the `write!` macro'],
  ['format args in panic', 'fn f(x: u8) { panic!("x = {}", x); }', 'format arguments in panic messages'],
  ['macro_rules', 'macro_rules! m { () => {} }\nfn f() { m!(); }', '`macro_rules!` macros'],
  ['union', 'union U { a: u8 }', 'unions'],
  ['variant with data', 'enum E { A(u8) }', 'enum variants with data'],
  ['iterator map', 'fn f(a: &[u8]) { for x in a.iter().map(1) {} }', 'the iterator method `map`'],
];

describe('refusals outside the subset', () => {
  it('std-only macros are unknown in a no_std crate, as rustc says', () => {
    const r = analyze('#![no_std]\nfn f() { println!("hi"); }\n', { crateType: 'lib' });
    expect(r.diagnostics.map((d) => d.message)).toEqual(['cannot find macro `println` in this scope']);
  });

  for (const [name, body, what] of CASES) {
    it(name, () => {
      const r = analyze(`#![no_std]\n${body}\n`, { crateType: 'lib' });
      const errors = r.diagnostics.filter((d) => d.level === 'error');
      expect(errors.map((d) => d.message)).toContain(`Bootlab's compiler does not support ${what} yet`);
      expect(errors.every((d) => d.message.startsWith("Bootlab's compiler does not support"))).toBe(true);
      expect(errors.some((d) => d.message.startsWith('internal compiler error'))).toBe(false);
    });
  }
});
