// Tuples: returning several values, destructuring with nested patterns and `_`, tuples of mixed
// types in arrays, swapping through a tuple, tuple fields assigned through &mut, unit values.
#![no_std]
#![no_main]

fn div_mod(a: u32, b: u32) -> (u32, u32) {
    (a / b, a % b)
}

fn min_max(values: &[i32]) -> (i32, i32) {
    let mut lo = i32::MAX;
    let mut hi = i32::MIN;
    for &v in values.iter() {
        if v < lo {
            lo = v;
        }
        if v > hi {
            hi = v;
        }
    }
    (lo, hi)
}

fn bump(pair: &mut (u8, u16)) {
    pair.0 += 1;
    pair.1 *= 2;
}

fn nothing() {}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let (q, r) = div_mod(100, 7);
    showu("q", q as u64);
    showu("r", r as u64);
    let (lo, hi) = min_max(&[4, -8, 15, 16, -23, 42]);
    show("lo", lo as i64);
    show("hi", hi as i64);
    let (mut a, mut b) = (1u64, 2u64);
    for _ in 0..10 {
        let next = a + b;
        a = b;
        b = next;
    }
    showu("a", a);
    showu("b", b);
    let table: [(char, u8, bool); 3] = [('x', 1, true), ('y', 2, false), ('z', 3, true)];
    let mut score = 0;
    for &(c, n, keep) in table.iter() {
        if keep {
            score += n as u32 * c as u32;
        }
    }
    showu("score", score as u64);
    let mut pair = (250u8, 1000u16);
    bump(&mut pair);
    showu("p0", pair.0 as u64);
    showu("p1", pair.1 as u64);
    let nested = (1, (2, 3), ((4, 5), 6));
    let (x, (_, y), ((z, _), w)) = nested;
    show("nested", (x * 1000 + y * 100 + z * 10 + w) as i64);
    let unit = nothing();
    let () = unit;
    let single = (9u8,);
    showu("single", single.0 as u64);
    done()
}
