// Sieve of Eratosthenes over a local byte array: indexing with bounds checks in nested `while`
// loops, then a `for` over the array's iterator counting what is left.
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

const N: usize = 4096;

fn count_primes(limit: usize) -> u64 {
    let mut composite = [0u8; N];
    let mut i = 2;
    while i * i < limit {
        if composite[i] == 0 {
            let mut j = i * i;
            while j < limit {
                composite[j] = 1;
                j += i;
            }
        }
        i += 1;
    }
    let mut count: u64 = 0;
    for (k, &c) in composite.iter().enumerate() {
        if k >= 2 && k < limit && c == 0 {
            count += 1;
        }
    }
    count
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let rounds = unsafe { bench_rounds() };
    let mut result: u64 = 0;
    for r in 0..rounds {
        let limit = N - (r as usize % 64);
        result = result.wrapping_mul(31).wrapping_add(count_primes(limit));
    }
    unsafe { bench_exit(result) }
}
