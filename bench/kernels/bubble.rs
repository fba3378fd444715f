// Bubble sort of a [u32; 96] filled from a linear congruential generator: compare-and-swap
// through indexes into an array passed by mutable reference, then a weighted checksum.
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

const LEN: usize = 96;

fn fill(a: &mut [u32; LEN], seed: u32) {
    let mut x = seed;
    for i in 0..LEN {
        x = x.wrapping_mul(1664525).wrapping_add(1013904223);
        a[i] = x >> 8;
    }
}

fn sort(a: &mut [u32; LEN]) {
    let mut n = LEN;
    while n > 1 {
        let mut i = 1;
        while i < n {
            if a[i - 1] > a[i] {
                let t = a[i - 1];
                a[i - 1] = a[i];
                a[i] = t;
            }
            i += 1;
        }
        n -= 1;
    }
}

fn checksum(a: &[u32; LEN]) -> u64 {
    let mut sum: u64 = 0;
    for i in 0..LEN {
        sum = sum.wrapping_add((a[i] as u64).wrapping_mul(i as u64 + 1));
    }
    sum
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let rounds = unsafe { bench_rounds() };
    let mut result: u64 = 0;
    let mut a = [0u32; LEN];
    for r in 0..rounds {
        fill(&mut a, r);
        sort(&mut a);
        result = result.wrapping_mul(31).wrapping_add(checksum(&a));
    }
    unsafe { bench_exit(result) }
}
