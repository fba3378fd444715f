// Collatz: the longest chain below 1000, the peak value reached, step counts for some famous
// starts, with u64 arithmetic that overflows nothing.
#![no_std]
#![no_main]

fn steps(mut n: u64) -> (u32, u64) {
    let mut count = 0;
    let mut peak = n;
    while n != 1 {
        n = if n % 2 == 0 { n / 2 } else { 3 * n + 1 };
        if n > peak {
            peak = n;
        }
        count += 1;
    }
    (count, peak)
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let mut best = 0;
    let mut best_start = 0;
    for start in 1..1000u64 {
        let (s, _) = steps(start);
        if s > best {
            best = s;
            best_start = start;
        }
    }
    showu("best_start", best_start);
    showu("best_steps", best as u64);
    let famous = [27u64, 97, 871, 6171, 77031];
    for &f in famous.iter() {
        let (s, p) = steps(f);
        put_u64(f);
        put_str(": steps=");
        put_u64(s as u64);
        put_str(" peak=");
        put_u64(p);
        nl();
    }
    done()
}
