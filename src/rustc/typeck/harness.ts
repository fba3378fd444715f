// Test helpers: a tiny `core` analysed from source (our real core lives in src/rustc/library/),
// and a one-call analysis of a crate against it.
import { parseCrate } from '../index.ts';
import { SourceMap } from '../span/source-map.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { CrateDef } from '../thir/defs.ts';
import { analyzeCrate } from './index.ts';

export const TINY_CORE = `#![feature(lang_items, intrinsics)]
pub mod panic {
    pub struct Location { pub(crate) file: &'static str, pub(crate) line: u32, pub(crate) col: u32 }
    pub struct PanicInfo { pub(crate) message: &'static str, pub(crate) location: Location }
    impl Location {
        pub fn line(&self) -> u32 { self.line }
    }
}
/// Provided by the compiler: read_volatile, write_volatile, null, null_mut, copy_nonoverlapping…
pub mod ptr {}
/// Provided by the compiler: size_of, align_of.
pub mod mem {}
/// Provided by the compiler: spin_loop, black_box.
pub mod hint {}
impl u8 {
    pub const MAX: u8 = 255;
    pub const MIN: u8 = 0;
    #[rustc_intrinsic]
    pub fn wrapping_add(self, rhs: u8) -> u8;
    pub fn is_ascii_digit(&self) -> bool { *self >= b'0' && *self <= b'9' }
}
impl u32 {
    pub const MAX: u32 = 4294967295;
    #[rustc_intrinsic]
    pub fn wrapping_add(self, rhs: u32) -> u32;
    #[rustc_intrinsic]
    pub fn count_ones(self) -> u32;
}
impl i32 {
    pub const MAX: i32 = 2147483647;
    pub const MIN: i32 = -2147483648;
    #[rustc_intrinsic]
    pub fn wrapping_add(self, rhs: i32) -> i32;
}
impl usize {
    pub const MAX: usize = 18446744073709551615;
}
extern "Rust" {
    fn rust_begin_unwind(info: &panic::PanicInfo) -> !;
}
#[lang = "panic"]
pub fn panic_entry(msg: &'static str, loc: &panic::Location) -> ! {
    let info = panic::PanicInfo { message: msg, location: panic::Location { file: loc.file, line: loc.line, col: loc.col } };
    unsafe { rust_begin_unwind(&info) }
}
`;

let cachedCore: { crate: CrateDef; diagnostics: Diagnostic[] } | undefined;

export function tinyCore(): { crate: CrateDef; diagnostics: Diagnostic[] } {
  if (cachedCore) return cachedCore;
  const sourceMap = new SourceMap();
  const parsed = parseCrate(TINY_CORE, 'core/lib.rs', { sourceMap });
  cachedCore = analyzeCrate(parsed.ast, { crateName: 'core', crateType: 'lib', externs: [], sourceMap });
  cachedCore.diagnostics.unshift(...parsed.diagnostics);
  return cachedCore;
}

export interface Analysed {
  crate: CrateDef;
  diagnostics: Diagnostic[];
  sourceMap: SourceMap;
}

export function analyze(src: string, opts: { crateType?: 'bin' | 'lib'; modules?: Record<string, string>; withCore?: boolean } = {}): Analysed {
  const sourceMap = new SourceMap();
  const parsed = parseCrate(src, 'src/main.rs', { sourceMap });
  const externs = opts.withCore === false ? [] : [tinyCore().crate];
  const r = analyzeCrate(parsed.ast, {
    crateName: 'blog_os',
    crateType: opts.crateType ?? 'bin',
    externs,
    sourceMap,
    loadModule: (p) => opts.modules?.[p],
  });
  return { crate: r.crate, diagnostics: [...parsed.diagnostics, ...r.diagnostics], sourceMap };
}
