// i16 edge cases: MIN/MAX, wrapping_*, overflowing_*, saturating_*, abs, signum, rem_euclid.
#![no_std]
#![no_main]

use core::hint::black_box;

fn report(label: &str, v: i16) {
    put_str(label);
    put_byte(b'=');
    put_i64(v as i64);
    nl();
}

fn report_pair(label: &str, pair: (i16, bool)) {
    put_str(label);
    put_byte(b'=');
    put_i64(pair.0 as i64);
    put_byte(b',');
    put_bool(pair.1);
    nl();
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let max = black_box(i16::MAX);
    let min = black_box(i16::MIN);
    let one: i16 = black_box(1);
    showu("bits", i16::BITS as u64);
    report("max", max);
    report("min", min);
    report("wrapping_add", max.wrapping_add(one));
    report("wrapping_sub", min.wrapping_sub(one));
    report("wrapping_mul", min.wrapping_mul(-1));
    report("wrapping_neg", min.wrapping_neg());
    report("wrapping_div", min.wrapping_div(-1));
    report("wrapping_rem", min.wrapping_rem(-1));
    report("wrapping_abs", min.wrapping_abs());
    report_pair("overflowing_add", max.overflowing_add(one));
    report_pair("overflowing_sub", min.overflowing_sub(one));
    report_pair("overflowing_mul", (min / 2).overflowing_mul(2));
    report_pair("overflowing_mul2", (min / 2).overflowing_mul(-2));
    report("saturating_add", (max - 5).saturating_add(10));
    report("saturating_sub", (min + 5).saturating_sub(10));
    report("saturating_mul", (min / 2).saturating_mul(3));
    report("saturating_mul_neg", (min / 2).saturating_mul(-3));
    report("abs", (min + 1).abs());
    report("neg", -(max));
    report("signum", black_box(-9 as i16).signum());
    report("div_neg", black_box(-7 as i16) / 2);
    report("rem_neg", black_box(-7 as i16) % 2);
    report("rem_euclid", black_box(-7 as i16).rem_euclid(2));
    report("div_euclid", black_box(-7 as i16).div_euclid(2));
    report("count_ones", black_box(-1 as i16).count_ones() as i16);
    report("leading_zeros", black_box(1 as i16).leading_zeros() as i16);
    report("trailing_zeros", min.trailing_zeros() as i16);
    report("rotate_left", min.rotate_left(1));
    report("min_of", black_box(-7 as i16).min(9));
    report("max_of", black_box(-7 as i16).max(9));
    report("not", !black_box(0 as i16));
    showb("sign", min.is_negative() && max.is_positive() && !black_box(0 as i16).is_positive());
    done()
}
