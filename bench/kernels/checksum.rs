// Checksums over byte strings: Adler-32 with `%` by a constant over `bytes()`, and FNV-1a over a
// byte-string literal's `iter()`: byte loads, multiplies and remainders.
#![no_std]
#![no_main]
use core::panic::PanicInfo;

extern "C" {
    fn bench_rounds() -> u32;
    fn bench_exit(result: u64) -> !;
}

#[panic_handler]
fn panic(_info: &PanicInfo) -> ! {
    loop {}
}

static TEXT: &str = "This blog post shows how to create a minimal 64-bit Rust kernel for the x86 architecture. It builds upon the freestanding Rust binary from the previous post to create a bootable disk image that prints something to the screen.";
static BYTES: &[u8] = b"The VGA text buffer is a two-dimensional array with typically 25 rows and 80 columns, which is directly rendered to the screen.";

fn adler32(s: &str) -> u32 {
    let mut a: u32 = 1;
    let mut b: u32 = 0;
    for byte in s.bytes() {
        a = (a + byte as u32) % 65521;
        b = (b + a) % 65521;
    }
    (b << 16) | a
}

fn fnv1a(data: &[u8], salt: u8) -> u64 {
    let mut h: u64 = 0xcbf29ce484222325;
    for &byte in data.iter() {
        h ^= (byte ^ salt) as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    h
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let rounds = unsafe { bench_rounds() };
    let mut result: u64 = 0;
    for r in 0..rounds {
        let x = adler32(TEXT) as u64 ^ fnv1a(BYTES, r as u8);
        result = result.wrapping_mul(31).wrapping_add(x);
    }
    unsafe { bench_exit(result) }
}
