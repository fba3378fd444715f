// Collatz step counts: a tight loop of divisions by two, multiplies and a data-dependent branch,
// through a called function. `bench_rounds` and `bench_exit` come from the benchmark's harness
// object, so the same source builds with rustc and with Bootlab.
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

fn steps(start: u64) -> u64 {
    let mut n = start;
    let mut count = 0;
    while n != 1 {
        if n % 2 == 0 {
            n = n / 2;
        } else {
            n = 3 * n + 1;
        }
        count += 1;
    }
    count
}

fn round(r: u32) -> u64 {
    let mut total: u64 = 0;
    for i in 1..(600 + r as u64) {
        total = total.wrapping_add(steps(i));
    }
    total
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let rounds = unsafe { bench_rounds() };
    let mut result: u64 = 0;
    for r in 0..rounds {
        result = result.wrapping_mul(31).wrapping_add(round(r));
    }
    unsafe { bench_exit(result) }
}
