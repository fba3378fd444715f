// Unit tests of the pieces that need no type checker: naming conventions, pattern usefulness
// over hand-built typed patterns, and lint levels read from attributes.
import { describe, expect, it } from 'vitest';
import { parseCrate } from '../index.ts';
import type { AdtDef } from '../thir/defs.ts';
import type { Pat } from '../thir/thir.ts';
import { BOOL, CHAR, int, type Ty } from '../thir/ty.ts';
import { isCamelCase, isSnakeCase, isUpperCase, toCamelCase, toSnakeCase } from './case.ts';
import { LintLevels } from './lint-levels.ts';
import { lowerPat, printWitness, witnesses } from './usefulness.ts';

const S = { lo: 0, hi: 0 };
const lit = (ty: Ty, v: bigint): Pat => ({ kind: 'const', value: { kind: 'scalar', value: v }, ty, span: S });
const range = (ty: Ty, lo: bigint, hi: bigint): Pat => ({ kind: 'range', lo: { kind: 'scalar', value: lo }, hi: { kind: 'scalar', value: hi }, inclusive: true, ty, span: S });
const wild = (ty: Ty): Pat => ({ kind: 'wild', ty, span: S });
const tuple = (elems: Pat[]): Pat => ({ kind: 'tuple', elems, ty: { kind: 'tuple', elems: elems.map((e) => e.ty) }, span: S });

function missing(ty: Ty, arms: Pat[]): string[] {
  const rows = arms.flatMap((a) => lowerPat(a)).map((p) => [p]);
  return witnesses(rows, [{ fields: [], ty }]).map((w) => printWitness(w[0]!));
}

describe('naming conventions (rustc nonstandard_style)', () => {
  it('checks and converts like rustc', () => {
    expect([isCamelCase('BadStruct'), isCamelCase('bad_struct'), isCamelCase('color'), isCamelCase('Foo_Bar')]).toEqual([true, false, false, false]);
    expect(toCamelCase('bad_struct')).toBe('BadStruct');
    expect(toCamelCase('color')).toBe('Color');
    expect([isSnakeCase('BadName'), isSnakeCase('my_arg'), isSnakeCase('__x'), isSnakeCase('a__b')]).toEqual([false, true, true, false]);
    expect(toSnakeCase('BadName')).toBe('bad_name');
    expect(toSnakeCase('MyArg')).toBe('my_arg');
    expect(toSnakeCase('HTTPServer')).toBe('httpserver');
    expect([isUpperCase('LOWER'), isUpperCase('lower'), isUpperCase('X_1')]).toEqual([true, false, true]);
  });
});

describe('pattern usefulness', () => {
  const u8 = int('u8');
  const i32 = int('i32');
  it('finds the integer ranges a match misses, printed as rustc does', () => {
    expect(missing(u8, [lit(u8, 0n), range(u8, 1n, 5n)])).toEqual(['6_u8..=u8::MAX']);
    expect(missing(i32, [lit(i32, 1n)])).toEqual(['i32::MIN..=0_i32', '2_i32..=i32::MAX']);
    expect(missing(u8, [range(u8, 0n, 4n), range(u8, 6n, 254n)])).toEqual(['5_u8', 'u8::MAX']);
    expect(missing(u8, [range(u8, 0n, 255n)])).toEqual([]);
    expect(missing(u8, [])).toEqual(['_']);
  });
  it('handles bool tuples and chars', () => {
    const tt = { kind: 'tuple', elems: [BOOL, BOOL] } as Ty;
    expect(missing(tt, [tuple([lit(BOOL, 1n), wild(BOOL)]), tuple([lit(BOOL, 0n), lit(BOOL, 1n)])])).toEqual(['(false, false)']);
    expect(missing(CHAR, [lit(CHAR, 97n)])).toEqual(["'\\0'..='`'", "'b'..='\\u{d7ff}'", "'\\u{e000}'..='\\u{10ffff}'"]);
  });
  it('lists the variants of a C-like enum', () => {
    const def = { kind: 'adt', name: 'Color', path: ['Color'], crate: 'x', span: S, adtKind: 'enum', repr: 'Rust', derives: [], fields: [], variants: ['Red', 'Green', 'Blue'].map((name, i) => ({ name, discr: BigInt(i), span: S })), methods: new Map(), assocConsts: new Map() } as AdtDef;
    const ty: Ty = { kind: 'adt', def };
    expect(missing(ty, [{ kind: 'variant', adt: def, index: 0, ty, span: S }])).toEqual(['Color::Green', 'Color::Blue']);
  });
});

describe('lint levels', () => {
  const src = '#![deny(unused)]\n#[allow(unused_variables)]\nfn f() { let x = 1; }\nfn g() { #[warn(dead_code)] let y = 2; }\n';
  const { ast } = parseCrate(src, 'lib.rs');
  const levels = new LintLevels(ast);
  const at = (s: string): { lo: number; hi: number } => ({ lo: src.indexOf(s), hi: src.indexOf(s) + s.length });
  it('applies crate, item and statement attributes, innermost last, groups included', () => {
    expect(levels.levelAt('unused_variables', at('x = 1')).level).toBe('allow');
    expect(levels.levelAt('dead_code', at('x = 1')).level).toBe('deny');
    expect(levels.levelAt('unused_variables', at('y = 2')).level).toBe('deny');
    expect(levels.levelAt('dead_code', at('y = 2')).level).toBe('warn');
    expect(levels.levelAt('overflowing_literals', at('y = 2'))).toEqual({ level: 'deny', source: { kind: 'default' } });
  });
});

describe('checkCrate never throws', () => {
  it('turns an internal failure into one internal compiler error diagnostic', async () => {
    const { checkCrate } = await import('./index.ts');
    const { ast, sourceMap } = parseCrate('fn f() {}\n', 'lib.rs');
    // A crate whose function list is not iterable: every pass that looks at it fails.
    const broken = { name: 'x', fns: null, adts: [], statics: [], consts: [] } as unknown as Parameters<typeof checkCrate>[0];
    const ds = checkCrate(broken, { ast, crateType: 'lib', sourceMap });
    expect(ds).toHaveLength(1);
    expect(ds[0]!.level).toBe('error');
    expect(ds[0]!.message).toMatch(/^internal compiler error: /);
  });
});
