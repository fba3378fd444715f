// The sieve of Eratosthenes over a [bool; N] up to 1500: prime count, the largest primes, the
// sum, twin primes, and a u64 trial-division check of a few large candidates.
#![no_std]
#![no_main]

const N: usize = 1500;

fn is_prime_slow(n: u64) -> bool {
    if n < 2 {
        return false;
    }
    let mut d = 2;
    while d * d <= n {
        if n % d == 0 {
            return false;
        }
        d += 1;
    }
    true
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let mut composite = [false; N + 1];
    composite[0] = true;
    composite[1] = true;
    let mut i = 2;
    while i * i <= N {
        if !composite[i] {
            let mut j = i * i;
            while j <= N {
                composite[j] = true;
                j += i;
            }
        }
        i += 1;
    }
    let mut count = 0;
    let mut sum: u64 = 0;
    let mut twins = 0;
    for (n, &c) in composite.iter().enumerate() {
        if !c {
            count += 1;
            sum += n as u64;
            if n >= 2 && !composite[n - 2] {
                twins += 1;
            }
        }
    }
    showu("count", count);
    showu("sum", sum);
    showu("twins", twins);
    put_str("largest:");
    let mut shown = 0;
    for n in (0..=N).rev() {
        if !composite[n] {
            put_byte(b' ');
            put_u64(n as u64);
            shown += 1;
            if shown == 5 {
                break;
            }
        }
    }
    nl();
    let candidates = [1_000_003u64, 1_000_005, 65_521, 99_991, 99_993];
    for &c in candidates.iter() {
        put_u64(c);
        put_str(if is_prime_slow(c) { " prime" } else { " composite" });
        nl();
    }
    done()
}
