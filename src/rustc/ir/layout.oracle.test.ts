// Differential test of the layout module against the host's rustc: random structs (repr(Rust)
// and repr(C), with integers, bool, char, arrays and earlier structs as fields) and tuples;
// rustc prints size_of, align_of and offset_of! for each, and layoutOf must agree.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prng } from '../../x86/prng.ts';
import { layoutOf, type LayoutType } from './layout.ts';

interface Case { rust: string; layout: LayoutType; fields: number; tuple: boolean }

function generate(seed: number, count: number): Case[] {
  const rand = prng(seed);
  const int = (n: number) => Math.floor(rand() * n);
  const scalars = ['u8', 'u16', 'u32', 'u64', 'u128', 'i8', 'i32', 'bool', 'char'] as const;
  const cases: Case[] = [];
  const field = (): { rust: string; layout: LayoutType } => {
    const r = int(10);
    const structs = cases.filter((c) => !c.tuple);
    if (r === 0 && structs.length) { const k = int(structs.length); return { rust: `S${cases.indexOf(structs[k]!)}`, layout: structs[k]!.layout }; }
    if (r === 1) {
      const e = scalars[int(scalars.length)]!; const n = int(7);
      return { rust: `[${e}; ${n}]`, layout: { kind: 'array', element: { kind: 'scalar', type: e }, length: n } };
    }
    const s = scalars[int(scalars.length)]!;
    return { rust: s, layout: { kind: 'scalar', type: s } };
  };
  for (let k = 0; k < count; k++) {
    const n = 1 + int(6);
    const fs = Array.from({ length: n }, field);
    const tuple = int(4) === 0;
    const reprC = !tuple && int(4) === 0;
    cases.push(tuple
      ? { rust: `(${fs.map((f) => f.rust).join(', ')},)`, layout: { kind: 'tuple', fields: fs.map((f) => f.layout) }, fields: n, tuple }
      : { rust: `${reprC ? '#[repr(C)] ' : ''}#[allow(dead_code)] struct S${k} { ${fs.map((f, i) => `f${i}: ${f.rust}`).join(', ')} }`, layout: { kind: 'struct', repr: reprC ? 'C' : 'Rust', fields: fs.map((f) => f.layout) }, fields: n, tuple });
  }
  return cases;
}

describe('layout vs the host rustc', () => {
  it.each([7, 8, 9, 10, 11, 12])('random structs and tuples have the same size, alignment and offsets (seed %i)', (seed) => {
    const cases = generate(seed, 150);
    const decls = cases.filter((c) => !c.tuple).map((c) => c.rust).join('\n');
    const prints = cases.map((c, k) => {
      const ty = c.tuple ? c.rust : `S${k}`;
      const offs = Array.from({ length: c.fields }, (_, i) => `std::mem::offset_of!(${ty}, ${c.tuple ? i : `f${i}`})`);
      return `println!("{} {} {}", std::mem::size_of::<${ty}>(), std::mem::align_of::<${ty}>(), [${offs.join(', ')}].map(|x: usize| x.to_string()).join(","));`;
    }).join('\n');
    const dir = mkdtempSync(join(tmpdir(), 'layout-'));
    writeFileSync(join(dir, 'main.rs'), `${decls}\nfn main() {\n${prints}\n}\n`);
    execFileSync('rustc', ['--edition', '2021', '-o', join(dir, 'main'), join(dir, 'main.rs')], { stdio: 'pipe' });
    const lines = execFileSync(join(dir, 'main'), { encoding: 'utf8' }).trim().split('\n');
    cases.forEach((c, k) => {
      const l = layoutOf(c.layout);
      expect(`${l.size} ${l.align} ${l.offsets.join(',')}`, c.rust).toBe(lines[k]);
    });
  });
});
