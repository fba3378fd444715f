// A compute-bound no_std kernel for the emulator benchmark: ordinary Rust compiler output
// (byte arrays, loops, calls that are not inlined, 64-bit shifts and multiplies) rather than
// hand-written loops. It sieves primes, hashes a table through a called mixing function and
// sorts it, shows the results on the VGA text screen and writes 0x10 to port 0xf4.
#![no_std]
#![no_main]
use core::hint::black_box;
use core::panic::PanicInfo;

#[panic_handler]
fn panic(_info: &PanicInfo) -> ! { loop {} }

const N: usize = 1 << 16;
static mut SIEVE: [u8; N] = [0; N];
static mut TABLE: [u64; 1024] = [0; 1024];

fn put(row: usize, col: usize, byte: u8) {
    let vga = 0xb8000 as *mut u8;
    unsafe {
        core::ptr::write_volatile(vga.add((row * 80 + col) * 2), byte);
        core::ptr::write_volatile(vga.add((row * 80 + col) * 2 + 1), 0xb);
    }
}

fn put_hex(row: usize, v: u64) {
    for i in 0..16 {
        let d = ((v >> (60 - 4 * i)) & 15) as u8;
        put(row, i, if d < 10 { b'0' + d } else { b'a' + d - 10 });
    }
}

#[inline(never)]
fn sieve() -> u64 {
    let s = unsafe { &mut *core::ptr::addr_of_mut!(SIEVE) };
    for x in s.iter_mut() { *x = 1; }
    s[0] = 0;
    s[1] = 0;
    let mut i = 2;
    while i * i < N {
        if s[i] != 0 {
            let mut j = i * i;
            while j < N { s[j] = 0; j += i; }
        }
        i += 1;
    }
    s.iter().map(|&b| b as u64).sum()
}

#[inline(never)]
fn mix(mut x: u64) -> u64 {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    x.wrapping_mul(0x2545f4914f6cdd1d)
}

#[inline(never)]
fn hash_rounds(rounds: u32) -> u64 {
    let t = unsafe { &mut *core::ptr::addr_of_mut!(TABLE) };
    let mut h = 0x9e3779b97f4a7c15u64;
    for _ in 0..rounds {
        for k in 0..t.len() {
            h = mix(h ^ t[k]);
            t[k] = t[k].wrapping_add(h >> 3);
        }
    }
    h
}

#[inline(never)]
fn insertion_sort(t: &mut [u64]) {
    for i in 1..t.len() {
        let v = t[i];
        let mut j = i;
        while j > 0 && t[j - 1] > v { t[j] = t[j - 1]; j -= 1; }
        t[j] = v;
    }
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let mut primes = 0;
    for _ in 0..black_box(40) { primes += sieve(); }
    put_hex(0, primes);
    put_hex(1, hash_rounds(black_box(4000)));
    let t = unsafe { &mut *core::ptr::addr_of_mut!(TABLE) };
    insertion_sort(t);
    put_hex(2, t[0] ^ t[512] ^ t[1023]);
    unsafe { core::arch::asm!("out dx, al", in("dx") 0xf4u16, in("al") 0x10u8); }
    loop {}
}

#[no_mangle]
pub extern "C" fn rust_eh_personality() {}

/// The compiler turns the sieve's fill into a memset call; no libc here.
#[no_mangle]
pub unsafe extern "C" fn memset(dst: *mut u8, value: i32, n: usize) -> *mut u8 {
    for i in 0..n { core::ptr::write_volatile(dst.add(i), value as u8); }
    dst
}
