// for over ranges: exclusive and inclusive, empty ranges, `..=` up to the type's MAX (no overflow),
// rev, step_by, ranges of other integer types and of chars, ranges with computed bounds.
#![no_std]
#![no_main]

use core::hint::black_box;

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let mut sum: u32 = 0;
    for i in 0..10 {
        sum += i;
    }
    showu("sum_0_10", sum as u64);

    let mut count: u32 = 0;
    for _ in 0..=u8::MAX {
        count += 1;
    }
    showu("count_u8_incl", count as u64);

    let mut last: u8 = 0;
    for v in black_box(250u8)..=u8::MAX {
        last = v;
    }
    showu("last_to_max", last as u64);

    let mut imin = 0i64;
    for v in (i8::MIN..=i8::MIN + 2).rev() {
        imin = imin * 1000 + v as i64;
    }
    show("imin", imin);

    let mut empty = 0;
    for _ in black_box(5)..black_box(5) {
        empty += 1;
    }
    for _ in black_box(6)..=black_box(5) {
        empty += 1;
    }
    show("empty", empty);

    put_str("rev:");
    for i in (0..5).rev() {
        put_byte(b' ');
        put_u64(i);
    }
    nl();

    put_str("step:");
    for i in (0..20).step_by(7) {
        put_byte(b' ');
        put_u64(i);
    }
    nl();

    put_str("step_incl:");
    for i in (0..=21u16).step_by(7) {
        put_byte(b' ');
        put_u64(i as u64);
    }
    nl();

    put_str("rev_step:");
    for i in (1..=10).rev().step_by(3) {
        put_byte(b' ');
        put_u64(i);
    }
    nl();

    put_str("neg:");
    for i in -3..3i32 {
        put_byte(b' ');
        put_i64(i as i64);
    }
    nl();

    put_str("chars:");
    for c in 'a'..='f' {
        put_byte(c as u8);
    }
    nl();

    let n = black_box(6usize);
    let mut tri = 0;
    for i in 1..=n {
        for j in i..n {
            tri += j - i;
        }
    }
    showu("tri", tri as u64);

    let mut big: u64 = 0;
    for v in (u64::MAX - 3)..=u64::MAX {
        big = big.wrapping_add(v);
    }
    showu("big", big);
    done()
}
