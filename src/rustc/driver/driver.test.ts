// The driver's own stages: what happens before name resolution (crate loading, expansion, crate
// attributes, required items) and the promise never to throw. Expected outputs are recorded
// from the host's rustc 1.95 on the same files (commands beside each).
import { describe, expect, it } from 'vitest';
import { renderAllHuman } from '../diagnostics/index.ts';
import { SourceMap } from '../span/source-map.ts';
import type { CrateDef } from '../thir/defs.ts';
import { compileRustCrate, type CompiledCrate, type CompileInput } from './index.ts';
import { ice } from './stages.ts';

/** A crate named `core` as the crate graph sees it before analysis: only its name and metadata root matter there. */
function emptyCrate(name: string): CompiledCrate {
  const span = { lo: 0, hi: 0 };
  const def: CrateDef = {
    name, root: { kind: 'mod', crate: name, path: [], span, name, types: new Map(), values: new Map() },
    fns: [], adts: [], statics: [], consts: [], primitiveMethods: new Map(), primitiveConsts: new Map(),
  };
  return { name, def, object: new Uint8Array(), hash: '0'.repeat(16), sourceMap: new SourceMap() };
}

function compile(files: Record<string, string>, over: Partial<CompileInput> = {}) {
  const out = compileRustCrate({
    crateName: 'blog_os', crateType: 'bin', rootPath: 'src/main.rs', files: new Map(Object.entries(files)), edition: '2021',
    release: false, cfg: { features: [] }, externs: [], nightly: false, ...over,
  });
  return { ...out, rendered: renderAllHuman(out.diagnostics, out.sourceMap) };
}

const HANDLER = 'use core::panic::PanicInfo;\n\n#[panic_handler]\nfn panic(_info: &PanicInfo) -> ! {\n    loop {}\n}\n';

describe('crates the prelude needs (E0463)', () => {
  // rustc --edition 2021 -C panic=abort --crate-type bin --crate-name blog_os --target x86_64-unknown-none --emit=obj src/main.rs
  it('a crate without #![no_std] needs std, which a kernel target does not have', () => {
    const stable = compile({ 'src/main.rs': HANDLER }, { targetTriple: 'x86_64-unknown-none' });
    expect(stable.crate).toBeUndefined();
    expect(stable.rendered).toBe(`error[E0463]: can't find crate for \`std\`
  |
  = note: the \`x86_64-unknown-none\` target may not be installed
  = help: consider downloading the target with \`rustup target add x86_64-unknown-none\`

error: aborting due to 1 previous error

For more information about this error, try \`rustc --explain E0463\`.
`);
    // The same with RUSTC_BOOTSTRAP=1 (a nightly compiler).
    const nightly = compile({ 'src/main.rs': HANDLER }, { targetTriple: 'x86_64-unknown-none', nightly: true });
    expect(nightly.rendered).toContain('  = help: consider building the standard library from source with `cargo build -Zbuild-std`\n\nerror: aborting');
  });

  it('with core built (build-std) but no #![no_std], std is still missing, and rustc says why', () => {
    const out = compile({ 'src/main.rs': HANDLER }, { targetTriple: 'x86_64-blog_os', nightly: true, externs: [emptyCrate('core'), emptyCrate('compiler_builtins')] });
    expect(out.rendered.split('\n\n')[0]).toBe(`error[E0463]: can't find crate for \`std\`
  |
  = note: the \`x86_64-blog_os\` target may not support the standard library
  = note: \`std\` is required by \`blog_os\` because it does not declare \`#![no_std]\`
  = help: consider building the standard library from source with \`cargo build -Zbuild-std\``);
  });

  it('#![no_std] without core: E0463 for core, nothing after it', () => {
    const out = compile({ 'src/main.rs': `#![no_std]\n#![no_main]\n${HANDLER}` }, { targetTriple: 'x86_64-blog_os' });
    expect(out.diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual(["E0463 can't find crate for `core`"]);
    expect(out.rendered).toContain('= note: the `x86_64-blog_os` target may not be installed');
  });

  it('#![cfg_attr(not(test), no_std)] counts as #![no_std]', () => {
    const out = compile({ 'src/main.rs': `#![cfg_attr(not(test), no_std)]\n#![no_main]\n${HANDLER}` });
    expect(out.diagnostics.map((d) => d.message)).toEqual(["can't find crate for `core`"]);
  });
});

describe('expansion and crate attributes', () => {
  const core = [emptyCrate('core'), emptyCrate('compiler_builtins')];

  it('reports a missing module file, unknown crate attributes, #![feature] on stable and a missing panic handler in rustc order', () => {
    // rustc --edition 2021 -C panic=abort --crate-type bin --crate-name blog_os --emit=obj src/main.rs
    const src = '#![no_std]\n#![no_main]\n#![feature(lang_items)]\n#![bar]\n#![no_mains]\nmod vga_buffer;\n#[no_mangle]\npub extern "C" fn _start() -> ! {\n    loop {}\n}\n';
    const out = compile({ 'src/main.rs': src }, { externs: core });
    expect(out.crate).toBeUndefined();
    expect(out.rendered).toBe(`error[E0583]: file not found for module \`vga_buffer\`
 --> src/main.rs:6:1
  |
6 | mod vga_buffer;
  | ^^^^^^^^^^^^^^^
  |
  = help: to create the module \`vga_buffer\`, create file "src/vga_buffer.rs" or "src/vga_buffer/mod.rs"
  = note: if there is a \`mod vga_buffer\` elsewhere in the crate already, import it with \`use crate::...\` instead

error: cannot find attribute \`bar\` in this scope
 --> src/main.rs:4:4
  |
4 | #![bar]
  |    ^^^

error: cannot find attribute \`no_mains\` in this scope
 --> src/main.rs:5:4
  |
5 | #![no_mains]
  |    ^^^^^^^^
  |
help: a built-in attribute with a similar name exists
  |
5 - #![no_mains]
5 + #![no_main]
  |

error[E0554]: \`#![feature]\` may not be used on the stable release channel
 --> src/main.rs:3:1
  |
3 | #![feature(lang_items)]
  | ^^^^^^^^^^^^^^^^^^^^^^^

warning: the feature \`lang_items\` is internal to the compiler or standard library
 --> src/main.rs:3:12
  |
3 | #![feature(lang_items)]
  |            ^^^^^^^^^^
  |
  = note: using it is strongly discouraged
  = note: \`#[warn(internal_features)]\` on by default

error: \`#[panic_handler]\` function required, but not found

error: aborting due to 5 previous errors; 1 warning emitted

Some errors have detailed explanations: E0554, E0583.
For more information about an error, try \`rustc --explain E0554\`.
`);
  });

  it('reports unknown attributes everywhere, in rustc 1.95\'s order', () => {
    const order = (src: string) => compile({ 'src/lib.rs': src }, { crateType: 'lib', rootPath: 'src/lib.rs', externs: core })
      .diagnostics.map((d) => /cannot find attribute `(\w+)`/.exec(d.message)?.[1]).filter(Boolean);
    const body = '#[a1]\n#[a2]\nfn x() {}\n#[a3]\nmod m {\n#[b1]\nfn y() {}\n#[b2]\nfn z() {}\n}\nstruct S { #[c1] p: u8, #[c2] q: u8 }\nfn f() { #[d1] let a = 1; #[d2] let b = 2; }\n';
    // rustc --edition 2021 --crate-type lib --emit=metadata v.rs, on each file
    expect(order(`#![no_std]\n${body}`)).toEqual(['d2', 'd1', 'c2', 'c1', 'a3', 'b1', 'b2', 'a1', 'a2']);
    expect(order(`#![no_std]\n#![bar]\n${body}`)).toEqual(['bar', 'a1', 'a2', 'a3', 'b1', 'b2', 'c1', 'c2', 'd1', 'd2']);
  });

  it('a misspelled #[panic_handler] and #[no_mangle] are reported as rustc does', () => {
    // rustc --edition 2021 -C panic=abort --crate-type bin --emit=obj src/main.rs
    const src = '#![no_std]\n#![no_main]\nuse core::panic::PanicInfo;\n#[panic_handlr]\nfn panic(_i: &PanicInfo) -> ! { loop {} }\n#[no_mangel]\npub extern "C" fn _start() -> ! { loop {} }\n';
    expect(compile({ 'src/main.rs': src }, { externs: core }).rendered).toBe(`error: cannot find attribute \`no_mangel\` in this scope
 --> src/main.rs:6:3
  |
6 | #[no_mangel]
  |   ^^^^^^^^^
  |
help: a built-in attribute with a similar name exists
  |
6 - #[no_mangel]
6 + #[no_mangle]
  |

error: cannot find attribute \`panic_handlr\` in this scope
 --> src/main.rs:4:3
  |
4 | #[panic_handlr]
  |   ^^^^^^^^^^^^
  |
help: a built-in attribute with a similar name exists
  |
4 | #[panic_handler]
  |              +

error: \`#[panic_handler]\` function required, but not found

error: aborting due to 3 previous errors

`);
  });

  it('macros a no_std crate does not have: cannot find macro, in rustc\'s order, with its hints', () => {
    // rustc --edition 2021 -C panic=abort --crate-type bin --emit=obj src/main.rs (rustc 1.95)
    const src = '#![no_std]\n#![no_main]\nuse core::panic::PanicInfo;\n#[panic_handler]\nfn panic(_i: &PanicInfo) -> ! { loop {} }\nfn f() {\n    panik!("x");\n    let v = vec![1];\n    asm!("nop");\n    format!("a");\n}\n';
    const out = compile({ 'src/main.rs': src }, { externs: core });
    expect(out.diagnostics.map((d) => d.message)).toEqual(['format', 'asm', 'vec', 'panik'].map((m) => `cannot find macro \`${m}\` in this scope`));
    expect(out.rendered).toContain(`error: cannot find macro \`panik\` in this scope
 --> src/main.rs:7:5
  |
7 |     panik!("x");
  |     ^^^^^
  |
help: a macro with a similar name exists
  |
7 -     panik!("x");
7 +     panic!("x");
  |`);
    // rustc shows the import as \`3 + use core::arch::asm;\`; our renderer marks an inserted line with \`~\`.
    expect(out.diagnostics[1]!.suggestions[0]!.replacement).toBe('use core::arch::asm;\n');
    // Defined by macro_rules!, imported by name, or in core's prelude: no error.
    const fine = '#![no_std]\n#![no_main]\nuse core::arch::asm;\nmacro_rules! println { () => {} }\nfn f() { println!(); assert!(true); unreachable!(); core::ptr::addr_of!(X); asm!("nop"); }\n';
    expect(compile({ 'src/main.rs': fine }, { externs: core }).diagnostics.map((d) => d.message).filter((m) => m.includes('cannot find macro'))).toEqual([]);
  });

  it('derive macros core does not have (rustc 1.95, without its note pointing into rustc\'s own core sources)', () => {
    // rustc --edition 2021 --crate-type lib --emit=metadata src/lib.rs
    const out = compile({ 'src/lib.rs': '#![no_std]\n#[derive(Clon, Copy)]\nstruct S;\n#[derive(Debg, Foo)]\nstruct T;\n#[derive(Clone, Copy, Debug, PartialEq, Eq)]\nstruct U;\n' }, { crateType: 'lib', rootPath: 'src/lib.rs', externs: core });
    expect(out.diagnostics.map((d) => d.message)).toEqual(['Debg', 'Foo', 'Clon'].map((m) => `cannot find derive macro \`${m}\` in this scope`));
    expect(out.rendered).toContain(`help: a derive macro with a similar name exists
  |
2 | #[derive(Clone, Copy)]
  |              +`);
  });

  it('a nightly compiler accepts #![feature]; a panic handler in a module counts', () => {
    const src = '#![no_std]\n#![no_main]\n#![feature(abi_x86_interrupt)]\nmod handler;\n';
    const out = compile({ 'src/main.rs': src, 'src/handler.rs': HANDLER }, { externs: core, nightly: true });
    const messages = out.diagnostics.map((d) => d.message);
    expect(messages.some((m) => m.includes('#![feature]') || m.includes('panic_handler') || m.includes('file not found'))).toBe(false);
  });

  it('finds modules in <name>.rs, <name>/mod.rs and a non-root file\'s own directory, and reports a module in both places (E0761)', () => {
    const files = {
      'src/main.rs': '#![no_std]\n#![no_main]\nmod a;\nmod b;\n',
      'src/a.rs': 'mod inner;\n', // → src/a/inner.rs
      'src/a/inner.rs': HANDLER,
      'src/b/mod.rs': 'mod deep;\n', // → src/b/deep.rs
      'src/b/deep.rs': 'mod c;\n', // → src/b/deep/c.rs, missing
    };
    const out = compile(files, { externs: core });
    expect(out.diagnostics.map((d) => d.message)).toEqual(['file not found for module `c`']);
    expect(out.rendered).toContain(' --> src/b/deep.rs:1:1');
    expect(out.rendered).toContain('create file "src/b/deep/c.rs" or "src/b/deep/c/mod.rs"');
    const both = compile({ 'src/main.rs': '#![no_std]\n#![no_main]\nmod a;\n', 'src/a.rs': '', 'src/a/mod.rs': '' }, { externs: core });
    expect(both.diagnostics.map((d) => `${d.code} ${d.message}`)).toContain('E0761 file for module `a` found at both "src/a.rs" and "src/a/mod.rs"');
  });

  it('#[path] is relative to the declaring file\'s directory', () => {
    const files = {
      'src/main.rs': '#![no_std]\n#![no_main]\nmod a;\n#[path = "other/h.rs"]\nmod handler;\n',
      'src/a.rs': '#[path = "b_impl.rs"]\nmod b;\n#[path = "../shared/c.rs"]\nmod c;\n', // → src/b_impl.rs (not src/a/b_impl.rs), shared/c.rs
      'src/b_impl.rs': '',
      'shared/c.rs': '',
      'src/other/h.rs': HANDLER,
    };
    // Every file is found (the empty stand-in core then fails name resolution, which is not this test's business).
    expect(compile(files, { externs: core }).diagnostics.map((d) => d.message).filter((m) => /file|read|module/.test(m))).toEqual([]);
    const missing = compile({ 'src/main.rs': '#![no_std]\n#![no_main]\n#[path = "nowhere.rs"]\nmod m;\n' }, { externs: core });
    expect(missing.diagnostics.map((d) => d.message)).toContain("couldn't read `src/nowhere.rs`: No such file or directory (os error 2)");
  });

  it('does not load the file of a module stripped by cfg, and honours a module file\'s own #![cfg]', () => {
    const files = {
      'src/main.rs': '#![no_std]\n#![no_main]\n#[cfg(test)]\nmod tests;\nmod gone;\nmod handler;\n',
      'src/gone.rs': '#![cfg(feature = "never")]\nthis is not rust\n',
      'src/handler.rs': HANDLER,
    };
    const out = compile(files, { externs: core });
    // `gone.rs` is parsed (rustc parses before it sees the inner #![cfg]) and reports its syntax error.
    expect(out.diagnostics.map((d) => d.message)).toEqual(['expected one of `!` or `::`, found `is`']);
  });

  it('stops at syntax errors in the root and in module files, naming the file', () => {
    const root = compile({ 'src/main.rs': '#![no_std]\nfn f( {}\n' }, { externs: core });
    expect(root.diagnostics.length).toBeGreaterThan(0);
    expect(root.rendered).toContain('--> src/main.rs:2:');
    const module = compile({ 'src/main.rs': '#![no_std]\n#![no_main]\nmod m;\n', 'src/m.rs': 'fn f() { let = 1; }\n' }, { externs: core });
    expect(module.rendered).toContain('--> src/m.rs:1:');
    expect(module.diagnostics.every((d) => d.level === 'error')).toBe(true);
  });

  it('a bin crate without #![no_main] needs main (E0601, pointing after the last item)', () => {
    // rustc -C panic=abort --crate-type bin --crate-name blog_os --emit=obj l.rs (before type checking lands, only this is ours)
    const out = compile({ 'src/main.rs': `#![no_std]\n${HANDLER}` }, { externs: core });
    const e0601 = out.diagnostics.find((d) => d.code === 'E0601');
    expect(e0601?.message).toBe('`main` function not found in crate `blog_os`');
    expect(out.rendered).toContain(` --> src/main.rs:7:2
  |
7 | }
  |  ^ consider adding a \`main\` function to \`src/main.rs\``);
  });
});

describe('never throws', () => {
  it('a root path that is not among the files is an internal compiler error', () => {
    const out = compile({ 'src/lib.rs': '' });
    expect(out.diagnostics.map((d) => d.message)).toEqual(['internal compiler error: driver: the root file src/main.rs is not among the crate\'s files']);
  });

  it('an exception of a stage becomes a diagnostic', () => {
    expect(ice('lowering', new Error('internal compiler error: no value for local 3')).message).toBe('internal compiler error: lowering: no value for local 3');
  });

  it('garbage, truncated and binary inputs give diagnostics, not exceptions', () => {
    const base = `#![no_std]\n#![no_main]\n#![cfg_attr(feature = "x", feature(y))]\n#[cfg(any(not(test), all()))]\nmod m;\n${HANDLER}`;
    const inputs = [base.slice(0, 40), base.replace(/\(/g, ''), base.replace(/#/g, '#!'), '\u0000\uffff', base + '#![cfg_attr(', '#![cfg_attr()]\n#[cfg_attr(,)] fn f() {}'];
    for (const src of inputs) {
      expect(() => compile({ 'src/main.rs': src, 'src/m.rs': src }, { externs: [emptyCrate('core')] })).not.toThrow();
    }
  });
});
