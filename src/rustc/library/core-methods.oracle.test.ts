// Our core's integer, u8 and char methods against Rust's own: each `impl T { … }` block of
// core/num.rs and core/ascii.rs becomes a trait implemented for T (the body-less intrinsics are
// dropped: inside the bodies, calls of them reach std's inherent methods, which compute the same
// machine operation), compiled by the host's rustc with overflow checks on, and every method is
// called both ways on edge and random values. Results and panic messages must be equal.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { INT_TYS } from '../thir/ty.ts';
import { LIBRARY_SOURCES } from './sources.generated.ts';

interface Method { pub: boolean; name: string; params: string[]; selfKind: 'value' | 'ref' | 'refMut' | 'none'; text: string; signature: string }

/** The methods with bodies of each `impl T { … }` block. */
function implMethods(source: string): Map<string, Method[]> {
  const out = new Map<string, Method[]>();
  const lines = source.split('\n');
  let ty: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const impl = /^impl (\w+) \{$/.exec(line);
    if (impl) {
      ty = impl[1]!;
      out.set(ty, []);
      continue;
    }
    const fn = /^ {4}(pub )?fn (\w+)\(([^)]*)\) (?:-> (.+) )?\{$/.exec(line);
    if (!ty || !fn) continue;
    const body = [line.replace(/^ {4}pub /, '    ')];
    while (lines[++i] !== '    }') body.push(lines[i]!);
    body.push('    }');
    const params = fn[3]!.split(', ').filter((p) => p !== '');
    const first = params[0] ?? '';
    const selfKind = first === 'self' ? 'value' : first === '&self' ? 'ref' : first === '&mut self' ? 'refMut' : 'none';
    out.get(ty)!.push({ pub: fn[1] !== undefined, name: fn[2]!, params: selfKind === 'none' ? params : params.slice(1), selfKind, text: body.join('\n'), signature: `${line.replace(/^ {4}pub /, '    ').replace(/ \{$/, ';')}` });
  }
  return out;
}

const isInt = (t: string) => (INT_TYS as readonly string[]).includes(t);

function traitsFor(source: string, prefix: string): string {
  return [...implMethods(source)].map(([ty, methods]) => `pub trait ${prefix}_${ty} {\n${methods.map((m) => m.signature).join('\n')}\n}\nimpl ${prefix}_${ty} for ${ty} {\n${methods.map((m) => m.text).join('\n')}\n}\n`).join('\n');
}

/** One call of a method both ways, with arguments drawn from value generators per parameter type. */
function checks(ty: string, methods: Method[], trait: string): string {
  return methods.filter((m) => m.pub && m.selfKind !== 'refMut').map((m) => {
    const argGen = (p: string) => {
      const [name, t] = p.split(': ') as [string, string];
      if (name === 'radix') return '(rng.next() % 40) as u32';
      const bytes = /^\[u8; (\d+)\]$/.exec(t);
      if (bytes) return `{ let mut b = [0u8; ${bytes[1]}]; for x in b.iter_mut() { *x = rng.next() as u8; } b }`;
      return t === 'u32' && ty !== 'u32' ? 'rng.exp()' : t.startsWith('&') ? `&gen_${t.slice(1)}(&mut rng)` : `gen_${t}(&mut rng)`;
    };
    const receiver = m.selfKind === 'none' ? [] : [m.selfKind === 'ref' ? '&x' : 'x'];
    const args = m.params.map(argGen);
    const call = (path: string) => `${path}::${m.name}(${[...receiver, ...args.map((_, i) => `a${i}`)].join(', ')})`;
    return `    for _ in 0..${isInt(ty) ? 700 : 400} {
        let x = gen_${ty}(&mut rng);${args.map((a, i) => `\n        let a${i} = ${a};`).join('')}
        let _ = x;
        let shown = format!("{:?} {:?}", x, (${args.map((_, i) => `a${i}`).join(', ')}${args.length === 1 ? ',' : ''}));
        compare("${ty}::${m.name}", shown, ${m.name === 'clamp'}, || ${call(`<${ty} as ${trait}>`)}, || ${call(['min', 'max', 'clamp'].includes(m.name) ? 'Ord' : `<${ty}>`)});
    }`;
  }).join('\n');
}

function generator(ty: string): string {
  if (isInt(ty)) {
    return `fn gen_${ty}(r: &mut Rng) -> ${ty} {
    let edges: [${ty}; 8] = [0, 1, ${ty}::MAX, ${ty}::MIN, ${ty}::MAX - 1, ${ty}::MIN + 1, 2, ${ty}::MAX / 2 + 1];
    match r.next() % 4 { 0 => edges[(r.next() % 8) as usize], 1 => (r.next() % 40) as ${ty}, 2 => ((r.next() % 40) as ${ty}).wrapping_neg(), _ => (((r.next() as u128) << 64) | r.next() as u128) as ${ty} }
}`;
  }
  if (ty === 'char') {
    return `fn gen_char(r: &mut Rng) -> char {
    let edges: [u32; 18] = [0x1680, 0x1FFF, 0x2000, 0x200A, 0x200B, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0x9F, 0xA0, 0x7F, 0xFFFF, 0x10000, 0x10FFFF, 0xD7FF, 0xE000];
    let c = match r.next() % 5 { 0 => edges[(r.next() % 18) as usize], 1 => (r.next() % 0x110000) as u32, _ => (r.next() % 200) as u32 };
    char::from_u32(c).unwrap_or('x')
}`;
  }
  return '';
}

const HARNESS_HEAD = `#![allow(non_camel_case_types, dead_code, unused_parens)]
use std::fmt::Debug;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::Mutex;

static LAST_PANIC: Mutex<String> = Mutex::new(String::new());

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 { self.0 ^= self.0 << 13; self.0 ^= self.0 >> 7; self.0 ^= self.0 << 17; self.0 }
    fn exp(&mut self) -> u32 { if self.next() % 2 == 0 { (self.next() % 8) as u32 } else { (self.next() % 140) as u32 } }
}

fn run<R>(f: impl FnOnce() -> R) -> Result<R, String> {
    catch_unwind(AssertUnwindSafe(f)).map_err(|_| LAST_PANIC.lock().unwrap().clone())
}

static mut CASES: u64 = 0;
/// \`formatted\`: Rust's message has formatted values the subset cannot print; ours must be its fixed start.
fn compare<R: PartialEq + Debug>(what: &str, args: String, formatted: bool, ours: impl FnOnce() -> R, theirs: impl FnOnce() -> R) {
    let (a, b) = (run(ours), run(theirs));
    unsafe { CASES += 1; }
    let same = match (&a, &b) { (Err(x), Err(y)) if formatted => !x.is_empty() && y.starts_with(x.as_str()), _ => a == b };
    if !same { println!("{what}({args}): ours {a:?}, Rust's {b:?}"); }
}
`;

it('core\'s integer, u8 and char methods compute and panic as Rust\'s do (host rustc)', () => {
  const num = implMethods(LIBRARY_SOURCES.core['num.rs']!);
  const ascii = implMethods(LIBRARY_SOURCES.core['ascii.rs']!);
  const body = [...[...num].map(([t, ms]) => checks(t, ms, `Our_${t}`)), ...[...ascii].map(([t, ms]) => checks(t, ms, `Ascii_${t}`))].join('\n');
  const program = `${HARNESS_HEAD}
${traitsFor(LIBRARY_SOURCES.core['num.rs']!, 'Our')}
${traitsFor(LIBRARY_SOURCES.core['ascii.rs']!, 'Ascii')}
${[...new Set([...num.keys(), ...ascii.keys()])].map(generator).join('\n')}

fn main() {
    std::panic::set_hook(Box::new(|info| {
        let msg = info.payload().downcast_ref::<&str>().map(|s| s.to_string()).or_else(|| info.payload().downcast_ref::<String>().cloned()).unwrap_or_default();
        *LAST_PANIC.lock().unwrap() = msg;
    }));
    let mut rng = Rng(0x9E3779B97F4A7C15);
${body}
    println!("cases {}", unsafe { CASES });
}
`;
  const dir = mkdtempSync(join(tmpdir(), 'core-methods-'));
  writeFileSync(join(dir, 'main.rs'), program);
  try {
    execFileSync('rustc', ['--edition', '2021', '-C', 'overflow-checks=on', '-C', 'opt-level=1', '-o', join(dir, 'main'), join(dir, 'main.rs')], { stdio: 'pipe' });
  } catch (e) {
    throw new Error(`rustc failed on ${join(dir, 'main.rs')}:\n${(e as { stderr?: Buffer }).stderr?.toString()}`);
  }
  const lines = execFileSync(join(dir, 'main'), { encoding: 'utf8', maxBuffer: 1 << 26 }).trim().split('\n');
  const last = lines.pop()!;
  expect(lines.slice(0, 20)).toEqual([]);
  expect(Number(last.split(' ')[1])).toBeGreaterThan(100_000);
}, 600_000);
