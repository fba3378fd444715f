// Our sysroot compiled by our compiler and run in Bootlab's machine: a kernel calls
// compiler_builtins' memory functions (through core::ptr's copy/copy_nonoverlapping/write_bytes
// and an `extern "C"` memcmp) and its 128-bit division and checked multiplication (through `/`,
// `%` and `overflowing_mul` on u128/i128), stores the results in a static, and exits through
// port 0xf4; the test reads the static from guest memory and checks every value against BigInt
// (and the memory results against the same operations done in TypeScript). Debug and release.
// And core's panic path: the learner's handler reads PanicInfo's message and Location (file,
// line, column) for an overflow (debug) and a panic! (release), as rustc would report them.
import { describe, expect, it } from 'vitest';
import { BOOT_LAYOUT } from '../../boot/asm/layout.ts';
import { buildBootImage } from '../../boot/bootimage.ts';
import { read64, readVirtual64 } from '../../boot/test-boot.ts';
import { linkFiles } from '../../link/link.ts';
import { createMachine } from '../../machine/machine.ts';
import { renderAllHuman } from '../diagnostics/index.ts';
import { buildSysroot, compileRustCrate, objectFor } from '../driver/index.ts';
import { helperElf, PORTS_ASM } from '../programs/ports.ts';

const M128 = (1n << 128n) - 1n;
const PAIRS: [bigint, bigint][] = [
  [0n, 1n], [1n, 1n], [M128, 1n], [M128, M128], [M128, 3n], [1n << 64n, 7n], [(1n << 127n) + 12345n, (1n << 64n) + 1n],
  [0x0123456789abcdef0fedcba987654321n, 0xfedcba9876543210n], [0xffffffffffffffffn, 0x100000000n], [1n << 127n, 1n << 127n],
  [0xdeadbeefcafebabe1234567890abcdefn, 0x1234567890abcdefn << 20n], [12345678901234567890n, 98765432109876543210n],
];
const toI = (x: bigint) => BigInt.asIntN(128, x);
const lit = (x: bigint) => `0x${x.toString(16)}`;

function program(): string {
  return `#![no_std]
#![no_main]
use core::panic::PanicInfo;
use core::ptr;

extern "C" {
    fn outb(port: u16, value: u8);
    fn memcmp(a: *const u8, b: *const u8, n: usize) -> i32;
}

#[panic_handler]
fn panic(_info: &PanicInfo) -> ! {
    unsafe { outb(0xf4, 0x21); }
    loop {}
}

const A: [u128; ${PAIRS.length}] = [${PAIRS.map(([a]) => lit(a)).join(', ')}];
const B: [u128; ${PAIRS.length}] = [${PAIRS.map(([, b]) => lit(b)).join(', ')}];

/// Per pair: a / b, a % b, (a as i128) / (b as i128), (a as i128) % (b as i128), the wrapped
/// i128 product and its overflow flag.
#[no_mangle]
pub static mut RESULTS: [u128; ${PAIRS.length * 6}] = [0; ${PAIRS.length * 6}];
#[no_mangle]
pub static mut BYTES: [u8; 96] = [0; 96];
#[no_mangle]
pub static mut CMP: [i32; 4] = [0; 4];

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let mut i = 0;
    while i < ${PAIRS.length} {
        let a = core::hint::black_box(A[i]);
        let b = core::hint::black_box(B[i]);
        let (sa, sb) = (a as i128, b as i128);
        let (p, o) = sa.overflowing_mul(sb);
        unsafe {
            RESULTS[i * 6] = a / b;
            RESULTS[i * 6 + 1] = a % b;
            RESULTS[i * 6 + 2] = (sa / sb) as u128;
            RESULTS[i * 6 + 3] = (sa % sb) as u128;
            RESULTS[i * 6 + 4] = p as u128;
            RESULTS[i * 6 + 5] = o as u128;
        }
        i += 1;
    }
    let mut src = [0u8; 40];
    let mut k = 0;
    while k < 40 {
        src[k] = (k as u8).wrapping_mul(37).wrapping_add(11);
        k += 1;
    }
    unsafe {
        let bytes = ptr::addr_of_mut!(BYTES) as *mut u8;
        ptr::write_bytes(bytes, 0xa5, 96);
        ptr::copy_nonoverlapping(src.as_ptr(), bytes.add(3), 33);
        ptr::copy_nonoverlapping(src.as_ptr(), bytes.add(48), 16);
        ptr::copy(bytes.add(3), bytes.add(10), 20);
        ptr::copy(bytes.add(50), bytes.add(44), 8);
        ptr::write_bytes(bytes.add(88), 0x3c, 5);
        CMP[0] = memcmp(bytes.add(48), src.as_ptr(), 2);
        CMP[1] = memcmp(bytes, bytes.add(1), 10);
        CMP[2] = memcmp(bytes.add(1), bytes, 10);
        CMP[3] = memcmp(src.as_ptr(), src.as_ptr(), 40);
        outb(0xf4, 0x10);
    }
    loop {}
}
`;
}

/** What the kernel's memory operations leave, computed here. */
function expectedBytes(): { bytes: number[]; cmp: number[] } {
  const src = Array.from({ length: 40 }, (_, k) => (k * 37 + 11) & 0xff);
  const b = new Array<number>(96).fill(0xa5);
  for (let k = 0; k < 33; k++) b[3 + k] = src[k]!;
  for (let k = 0; k < 16; k++) b[48 + k] = src[k]!;
  b.splice(10, 20, ...b.slice(3, 23));
  b.splice(44, 8, ...b.slice(50, 58));
  for (let k = 0; k < 5; k++) b[88 + k] = 0x3c;
  const cmp = (x: number[], y: number[]) => { for (let k = 0; k < x.length; k++) if (x[k] !== y[k]) return Math.sign(x[k]! - y[k]!); return 0; };
  return { bytes: b, cmp: [cmp(b.slice(48, 50), src.slice(0, 2)), cmp(b.slice(0, 10), b.slice(1, 11)), cmp(b.slice(1, 11), b.slice(0, 10)), 0] };
}

/**
 * Compiles a kernel against our sysroot, links it with the ports helper and the parts of core it
 * reaches, boots it and runs it to its exit; `byte(symbol offset)` reads its memory afterwards.
 */
function bootKernel(crateName: string, source: string, release: boolean, maxInstructions: number) {
  const sysroot = buildSysroot({ release, memFeature: true });
  expect(renderAllHuman(sysroot.diagnostics, sysroot.sourceMap)).toBe('');
  const out = compileRustCrate({
    crateName, crateType: 'bin', rootPath: 'src/main.rs', files: new Map([['src/main.rs', source]]), edition: '2021',
    release, cfg: { features: [] }, externs: [sysroot.core!, sysroot.compilerBuiltins!], nightly: false,
  });
  expect(renderAllHuman(out.diagnostics.filter((d) => d.level === 'error'), out.sourceMap)).toBe('');
  const linked = linkFiles([
    { name: 'main.o', bytes: out.crate!.object },
    { name: 'ports.o', bytes: helperElf(PORTS_ASM) },
    // core's code for what this kernel reaches (its panic entry, the integer methods it calls).
    { name: 'core.o', bytes: objectFor(sysroot.core!, [out.crate!, sysroot.compilerBuiltins!]) },
    { name: 'compiler_builtins.o', bytes: sysroot.compilerBuiltins!.object },
  ], { entry: '_start', gcSections: true });
  expect(linked.stderr).toBe('');
  const image = buildBootImage(linked.bytes!);
  if (!image.ok) throw new Error(image.message);
  const machine = createMachine({ diskImage: image.image });
  const stop = machine.run({ maxInstructions });
  expect(stop.kind).toBe('debug-exit');
  const symbols = new Map((linked.symbols ?? []).map((s) => [s.name, s.value]));
  const root = read64(machine, BOOT_LAYOUT.bootInfo + 0x50);
  const byte = (addr: bigint) => Number((readVirtual64(machine, root, addr & ~7n) >> (8n * (addr & 7n))) & 0xffn);
  return { stop, symbols, byte };
}

function run(release: boolean) {
  const { stop, symbols, byte } = bootKernel('builtins_test', program(), release, 50_000_000);
  expect((stop as { code: number }).code).toBe(0x10);
  const read = (name: string, offset: number, size: number) => {
    let v = 0n;
    for (let k = size - 1; k >= 0; k--) v = (v << 8n) | BigInt(byte(symbols.get(name)! + BigInt(offset + k)));
    return v;
  };
  return { read, stop };
}

/** A kernel whose panic handler copies what core's PanicInfo gives it into statics. */
const PANIC_PROGRAM = `#![no_std]
#![no_main]
use core::panic::PanicInfo;

extern "C" {
    fn outb(port: u16, value: u8);
}

#[no_mangle]
pub static mut MSG: [u8; 64] = [0; 64];
#[no_mangle]
pub static mut FILE: [u8; 32] = [0; 32];
#[no_mangle]
pub static mut NUMBERS: [u64; 4] = [0; 4];

#[panic_handler]
fn panic(info: &PanicInfo) -> ! {
    let location = info.location();
    let message = info.message();
    unsafe {
        for (i, &b) in message.as_bytes().iter().enumerate() {
            if i < 64 {
                MSG[i] = b;
            }
        }
        for (i, &b) in location.file().as_bytes().iter().enumerate() {
            if i < 32 {
                FILE[i] = b;
            }
        }
        NUMBERS[0] = message.len() as u64;
        NUMBERS[1] = location.file().len() as u64;
        NUMBERS[2] = location.line() as u64;
        NUMBERS[3] = location.column() as u64;
        outb(0xf4, 0x10);
    }
    loop {}
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let x: u8 = core::hint::black_box(250);
    let y = x + 10;
    core::hint::black_box(y);
    panic!("boom");
}
`;

function runKernel(source: string, release: boolean) {
  const { symbols, byte } = bootKernel('panic_test', source, release, 20_000_000);
  const bytes = (name: string, n: number) => Array.from({ length: n }, (_, k) => byte(symbols.get(name)! + BigInt(k)));
  const numbers = Array.from({ length: 4 }, (_, k) => Number(bytes('NUMBERS', 32).slice(k * 8, k * 8 + 8).reduceRight((v, b) => v * 256 + b, 0)));
  const text = (name: string, n: number) => String.fromCharCode(...bytes(name, Math.min(n, name === 'MSG' ? 64 : 32)));
  return { message: text('MSG', numbers[0]!), file: text('FILE', numbers[1]!), line: numbers[2], column: numbers[3] };
}

describe('core\'s panic path in the machine', () => {
  const lineCol = (needle: string) => {
    const at = PANIC_PROGRAM.indexOf(needle);
    const before = PANIC_PROGRAM.slice(0, at).split('\n');
    return { line: before.length, column: before[before.length - 1]!.length + 1 };
  };

  it('a debug build\'s overflow reaches the handler with rustc\'s message and the expression\'s location', () => {
    expect(runKernel(PANIC_PROGRAM, false)).toEqual({ message: 'attempt to add with overflow', file: 'src/main.rs', ...lineCol('x + 10') });
  }, 120_000);

  it('a release build wraps, then panic!("boom") reaches the handler with its location', () => {
    expect(runKernel(PANIC_PROGRAM, true)).toEqual({ message: 'boom', file: 'src/main.rs', ...lineCol('panic!("boom")') });
  }, 120_000);
});

describe('compiler_builtins and core in the machine', () => {
  for (const release of [false, true]) {
    it(`128-bit division, checked i128 multiplication and the mem functions compute right (${release ? 'release' : 'debug'})`, () => {
      const { read } = run(release);
      PAIRS.forEach(([a, b], i) => {
        const [sa, sb] = [toI(a), toI(b)];
        const product = sa * sb;
        const expected = [a / b, a % b, BigInt.asUintN(128, sa / sb), BigInt.asUintN(128, sa % sb), BigInt.asUintN(128, product), BigInt(product !== toI(product))];
        const got = expected.map((_, k) => read('RESULTS', (i * 6 + k) * 16, 16));
        expect(got, `pair ${i}: ${a}, ${b}`).toEqual(expected);
      });
      const { bytes, cmp } = expectedBytes();
      expect(Array.from({ length: 96 }, (_, k) => Number(read('BYTES', k, 1)))).toEqual(bytes);
      expect([0, 1, 2, 3].map((k) => Math.sign(Number(BigInt.asIntN(32, read('CMP', k * 4, 4)))))).toEqual(cmp);
    }, 120_000);
  }
});
