//! 128-bit division and checked multiplication. The code generator calls these for `/` and `%`
//! on `u128`/`i128` and for signed overflow checks of `*`, so they must not use those operations
//! themselves: everything is shifts, subtractions and 64-bit division.

/// Quotient and remainder of unsigned 128-bit division. The caller has checked `d != 0`
/// (rustc's code panics before dividing by zero); for `d == 0` this returns (0, n).
fn udivmod(n: u128, d: u128) -> (u128, u128) {
    if d == 0 || n < d {
        return (0, n);
    }
    if (n >> 64) == 0 {
        // Both fit in 64 bits (d <= n): one machine division.
        let a = n as u64;
        let b = d as u64;
        return ((a / b) as u128, (a % b) as u128);
    }
    // Shift-and-subtract, one quotient bit per round, starting with d aligned under n's top bit.
    let shift = d.leading_zeros() - n.leading_zeros();
    let mut divisor = d << shift;
    let mut quotient: u128 = 0;
    let mut remainder = n;
    let mut i: u32 = 0;
    loop {
        quotient = quotient << 1;
        if remainder >= divisor {
            remainder = remainder.wrapping_sub(divisor);
            quotient = quotient | 1;
        }
        if i == shift {
            break;
        }
        divisor = divisor >> 1;
        i = i.wrapping_add(1);
    }
    (quotient, remainder)
}

/// |x| as an unsigned value (MIN's magnitude fits in u128).
fn magnitude(x: i128) -> u128 {
    if x < 0 { (x as u128).wrapping_neg() } else { x as u128 }
}

#[no_mangle]
pub extern "C" fn __udivti3(n: u128, d: u128) -> u128 {
    let (q, _) = udivmod(n, d);
    q
}

#[no_mangle]
pub extern "C" fn __umodti3(n: u128, d: u128) -> u128 {
    let (_, r) = udivmod(n, d);
    r
}

/// Truncating division: the quotient is negative when the signs differ.
#[no_mangle]
pub extern "C" fn __divti3(a: i128, b: i128) -> i128 {
    let (q, _) = udivmod(magnitude(a), magnitude(b));
    if (a < 0) != (b < 0) { q.wrapping_neg() as i128 } else { q as i128 }
}

/// The remainder takes the dividend's sign.
#[no_mangle]
pub extern "C" fn __modti3(a: i128, b: i128) -> i128 {
    let (_, r) = udivmod(magnitude(a), magnitude(b));
    if a < 0 { r.wrapping_neg() as i128 } else { r as i128 }
}

/// Signed multiplication that sets `*overflow` to 1 when the product does not fit in i128
/// (0 otherwise) and returns the wrapped product.
#[no_mangle]
pub unsafe extern "C" fn __muloti4(a: i128, b: i128, overflow: *mut i32) -> i128 {
    let product = (a as u128).wrapping_mul(b as u128) as i128;
    let ma = magnitude(a);
    let mb = magnitude(b);
    let mut over = false;
    if ma != 0 && mb != 0 {
        // The largest magnitude allowed: 2^127 - 1 for a positive product, 2^127 for a negative one.
        let negative = (a < 0) != (b < 0);
        let limit: u128 = if negative { 1 << 127 } else { (1 << 127) - 1 };
        let (q, _) = udivmod(limit, mb);
        over = ma > q;
    }
    *overflow = if over { 1 } else { 0 };
    product
}
