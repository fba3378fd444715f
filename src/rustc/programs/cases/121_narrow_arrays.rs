// Arrays of narrow signed and unsigned integers: filled in loops, copied, reversed, summed
// after sign extension, compared element by element, minimum and maximum tracked in locals.
#![no_std]
#![no_main]

fn fill_i16(a: &mut [i16; 8]) {
    for (i, v) in a.iter_mut().enumerate() {
        *v = (i as i16 - 4) * 8000;
    }
}

fn stats_i8(a: &[i8]) -> (i64, i8, i8) {
    let mut sum = 0i64;
    let mut lo = i8::MAX;
    let mut hi = i8::MIN;
    for &v in a.iter() {
        sum += v as i64;
        if v < lo {
            lo = v;
        }
        if v > hi {
            hi = v;
        }
    }
    (sum, lo, hi)
}

fn reverse(a: &mut [i8; 16]) {
    let mut i = 0;
    while i < 8 {
        let t = a[i];
        a[i] = a[15 - i];
        a[15 - i] = t;
        i += 1;
    }
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let mut a = [0i16; 8];
    fill_i16(&mut a);
    let b = a;
    let mut total = 0i64;
    for i in 0..8 {
        total = total * 3 + b[7 - i] as i64;
    }
    show("total", total);
    let mut bytes = [0i8; 16];
    for i in 0..16 {
        bytes[i] = (i as i8 - 8).wrapping_mul(17);
    }
    let copy = bytes;
    let (sum, lo, hi) = stats_i8(&copy);
    show("sum", sum);
    show("lo", lo as i64);
    show("hi", hi as i64);
    let mut r = copy;
    reverse(&mut r);
    show("r0", r[0] as i64);
    show("r15", r[15] as i64);
    let u = [250u8, 5, 128, 255];
    let mut us = 0u32;
    for &v in u.iter() {
        us = us * 7 + v as u32;
    }
    showu("us", us as u64);
    let w = [0x8000u16, 0x7fff, 0xffff];
    show("w_as_i16", w[0] as i16 as i64 + w[2] as i16 as i64);
    done()
}
