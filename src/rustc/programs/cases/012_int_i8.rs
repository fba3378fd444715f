// i8 edge cases: MIN/MAX, wrapping and overflowing arithmetic around them, saturating, abs.
#![no_std]
#![no_main]

use core::hint::black_box;

fn report(label: &str, v: i8) {
    put_str(label);
    put_byte(b'=');
    put_i64(v as i64);
    nl();
}

fn report_pair(label: &str, pair: (i8, bool)) {
    put_str(label);
    put_byte(b'=');
    put_i64(pair.0 as i64);
    put_byte(b',');
    put_bool(pair.1);
    nl();
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let max = black_box(i8::MAX);
    let min = black_box(i8::MIN);
    let one = black_box(1i8);
    report("max", max);
    report("min", min);
    report("wrapping_add", max.wrapping_add(one));
    report("wrapping_sub", min.wrapping_sub(one));
    report("wrapping_mul", black_box(-128i8).wrapping_mul(-1));
    report("wrapping_neg", min.wrapping_neg());
    report("wrapping_div", min.wrapping_div(-1));
    report("wrapping_rem", min.wrapping_rem(-1));
    report("wrapping_abs", min.wrapping_abs());
    report_pair("overflowing_add", max.overflowing_add(one));
    report_pair("overflowing_sub", min.overflowing_sub(one));
    report_pair("overflowing_mul", black_box(-64i8).overflowing_mul(2));
    report_pair("overflowing_mul2", black_box(-64i8).overflowing_mul(3));
    report("saturating_add", black_box(120i8).saturating_add(10));
    report("saturating_sub", black_box(-120i8).saturating_sub(10));
    report("saturating_mul", black_box(-100i8).saturating_mul(3));
    report("abs", black_box(-127i8).abs());
    report("neg", -black_box(127i8));
    report("signum_neg", black_box(-9i8).signum());
    report("signum_zero", black_box(0i8).signum());
    report("not", !black_box(5i8));
    showb("is_negative", min.is_negative());
    showb("is_positive", max.is_positive());
    done()
}
