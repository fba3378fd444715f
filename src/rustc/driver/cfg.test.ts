import { describe, expect, it } from 'vitest';
import { DiagnosticSink } from '../diagnostics/diagnostic.ts';
import { renderAllHuman } from '../diagnostics/index.ts';
import { printCrate } from '../printer/print.ts';
import { CfgEvaluator, stripCfg } from './cfg.ts';
import { parseCrate } from './parse.ts';

function strip(source: string, features: string[] = [], release = false, declaredFeatures?: string[]) {
  const parsed = parseCrate(source, 'src/main.rs');
  expect(parsed.diagnostics).toEqual([]);
  const sink = new DiagnosticSink();
  const cfg = new CfgEvaluator({ features, release, ...(declaredFeatures ? { declaredFeatures } : {}) }, sink);
  parsed.ast.attrs.splice(0, parsed.ast.attrs.length, ...cfg.expandCfgAttr(parsed.ast.attrs));
  stripCfg(parsed.ast.items, cfg);
  return { text: printCrate(parsed.ast), rendered: renderAllHuman(sink.diagnostics, parsed.sourceMap), diagnostics: sink.diagnostics };
}

const names = (text: string) => [...text.matchAll(/fn (\w+)/g)].map((m) => m[1]);

describe('cfg stripping', () => {
  it('keeps items whose predicates hold on the kernel target, by feature', () => {
    const src = `
#[cfg(feature = "mem")] pub fn mem_on() {}
#[cfg(not(feature = "mem"))] pub fn mem_off() {}
#[cfg(all(target_arch = "x86_64", target_os = "none", not(test)))] pub fn kernel() {}
#[cfg(any(windows, unix))] pub fn hosted() {}
#[cfg(test)] pub fn tests() {}
#[cfg(target_pointer_width = "32")] pub fn narrow() {}
#[cfg(debug_assertions)] pub fn debug_only() {}
#[cfg(any(target_arch = "aarch64", all(panic = "abort", target_endian = "little")))] pub fn nested() {}
`;
    expect(names(strip(src, ['mem']).text)).toEqual(['mem_on', 'kernel', 'debug_only', 'nested']);
    expect(names(strip(src, []).text)).toEqual(['mem_off', 'kernel', 'debug_only', 'nested']);
    expect(names(strip(src, [], true).text)).toEqual(['mem_off', 'kernel', 'nested']);
  });

  it('strips statements, fields, variants, match arms and items inside modules and impls', () => {
    const src = `
mod m {
    #[cfg(test)] fn gone() {}
    pub fn kept() {}
}
struct S { a: u8, #[cfg(test)] b: u16 }
enum E { A, #[cfg(feature = "x")] B }
impl S { #[cfg(test)] fn t(&self) {} fn u(&self) {} }
fn f(x: u8) -> u8 {
    #[cfg(test)]
    let y = 1;
    let z = match x { #[cfg(test)] 0 => 1, _ => 2 };
    z
}
`;
    const { text } = strip(src);
    expect(names(text)).toEqual(['kept', 'u', 'f']);
    expect(text).not.toMatch(/b: u16/);
    expect(text).toMatch(/enum E \{\s*A,?\s*\}/);
    expect(text).not.toMatch(/let y/);
    expect(text).not.toMatch(/0 => 1/);
  });

  it('expands cfg_attr when its predicate holds (crate attributes, nested cfg_attr, cfg produced by cfg_attr)', () => {
    const src = `#![cfg_attr(not(test), no_std)]
#![cfg_attr(test, no_main)]
#[cfg_attr(target_os = "none", no_mangle, cfg_attr(feature = "x", inline))]
pub extern "C" fn a() {}
#[cfg_attr(feature = "x", cfg(test))]
pub fn b() {}
`;
    const off = strip(src);
    expect(off.text).toMatch(/^#!\[no_std\]/);
    expect(off.text).not.toMatch(/no_main/);
    expect(off.text).toMatch(/#\[no_mangle\]\s*pub extern "C" fn a/);
    expect(off.text).not.toMatch(/inline/);
    expect(names(off.text)).toEqual(['a', 'b']);
    const on = strip(src, ['x']);
    expect(on.text).toMatch(/#\[inline\]/);
    expect(names(on.text)).toEqual(['a']);
  });

  it('warns about a feature the package does not declare, as rustc does under cargo (check-cfg)', () => {
    const src = '#[cfg(feature = "x")]\nfn a() {}\n#[cfg(feature = "mem")]\nfn b() {}\nfn main() {}\n';
    expect(strip(src).diagnostics).toEqual([]);
    expect(strip(src, [], false, ['mem']).diagnostics.map((d) => d.message)).toEqual(['unexpected `cfg` condition value: `x`']);
    // `cargo build` of a package without [features], src/main.rs as above (cargo 1.95)
    expect(strip(src, [], false, []).rendered).toBe(`warning: unexpected \`cfg\` condition value: \`x\`
 --> src/main.rs:1:7
  |
1 | #[cfg(feature = "x")]
  |       ^^^^^^^^^^^^^ help: remove the condition
  |
  = note: no expected values for \`feature\`
  = help: consider adding \`x\` as a feature in \`Cargo.toml\`
  = note: see <https://doc.rust-lang.org/nightly/rustc/check-cfg/cargo-specifics.html> for more information about checking conditional configuration
  = note: \`#[warn(unexpected_cfgs)]\` on by default

warning: unexpected \`cfg\` condition value: \`mem\`
 --> src/main.rs:3:7
  |
3 | #[cfg(feature = "mem")]
  |       ^^^^^^^^^^^^^^^ help: remove the condition
  |
  = note: no expected values for \`feature\`
  = help: consider adding \`mem\` as a feature in \`Cargo.toml\`
  = note: see <https://doc.rust-lang.org/nightly/rustc/check-cfg/cargo-specifics.html> for more information about checking conditional configuration

warning: 2 warnings emitted

`);
  });

  it('reports malformed cfg attributes as rustc 1.95 does (E0805, E0537)', () => {
    const src = `#[cfg(foo = "x", bar)]
pub fn d() {}
#[cfg()]
pub fn e() {}
#[cfg(nonsense(x))]
pub fn f() {}
`;
    const { rendered, text } = strip(src);
    expect(names(text)).toEqual([]);
    // Recorded from `rustc --crate-type lib --emit=metadata` 1.95 on the same file.
    expect(rendered).toBe(`error[E0805]: malformed \`cfg\` attribute input
 --> src/main.rs:1:1
  |
1 | #[cfg(foo = "x", bar)]
  | ^^^^^----------------^
  | |    |
  | |    expected a single argument here
  | help: must be of the form: \`#[cfg(predicate)]\`
  |
  = note: for more information, visit <https://doc.rust-lang.org/reference/conditional-compilation.html#the-cfg-attribute>

error[E0805]: malformed \`cfg\` attribute input
 --> src/main.rs:3:1
  |
3 | #[cfg()]
  | ^^^^^--^
  | |    |
  | |    expected a single argument here
  | help: must be of the form: \`#[cfg(predicate)]\`
  |
  = note: for more information, visit <https://doc.rust-lang.org/reference/conditional-compilation.html#the-cfg-attribute>

error[E0537]: invalid predicate \`nonsense\`
 --> src/main.rs:5:7
  |
5 | #[cfg(nonsense(x))]
  |       ^^^^^^^^^^^

error: aborting due to 3 previous errors

Some errors have detailed explanations: E0537, E0805.
For more information about an error, try \`rustc --explain E0537\`.
`);
  });
});
