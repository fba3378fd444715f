// u16 edge cases: MIN/MAX, wrapping_*, overflowing_*, saturating_*, bit counts, rotations, byte swaps.
#![no_std]
#![no_main]

use core::hint::black_box;

fn report(label: &str, v: u16) {
    put_str(label);
    put_byte(b'=');
    put_u64(v as u64);
    nl();
}

fn report_pair(label: &str, pair: (u16, bool)) {
    put_str(label);
    put_byte(b'=');
    put_u64(pair.0 as u64);
    put_byte(b',');
    put_bool(pair.1);
    nl();
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let max = black_box(u16::MAX);
    let min = black_box(u16::MIN);
    let one: u16 = black_box(1);
    showu("bits", u16::BITS as u64);
    report("max", max);
    report("min", min);
    report("wrapping_add", max.wrapping_add(one));
    report("wrapping_sub", min.wrapping_sub(one));
    report("wrapping_mul", max.wrapping_mul(max));
    report("wrapping_neg", one.wrapping_neg());
    report_pair("overflowing_add", max.overflowing_add(one));
    report_pair("overflowing_sub", min.overflowing_sub(one));
    report_pair("overflowing_mul", (max / 3).overflowing_mul(4));
    report_pair("overflowing_mul_ok", (max / 4).overflowing_mul(4));
    report("saturating_add", (max - 5).saturating_add(10));
    report("saturating_sub", black_box(3 as u16).saturating_sub(10));
    report("saturating_mul", (max / 2).saturating_mul(3));
    report("div", max / black_box(7));
    report("rem", max % black_box(7));
    report("div_big", max / (max / 2));
    report("count_ones", (max / 5).count_ones() as u16);
    report("count_zeros", (max / 5).count_zeros() as u16);
    report("leading_zeros", black_box(1 as u16).leading_zeros() as u16);
    report("leading_zeros_0", black_box(0 as u16).leading_zeros() as u16);
    report("trailing_zeros", black_box(96 as u16).trailing_zeros() as u16);
    report("rotate_left", (max / 3).rotate_left(5));
    report("rotate_right", (max / 3).rotate_right(3));
    report("swap_bytes", (max / 255).swap_bytes());
    report("min_of", black_box(7 as u16).min(9));
    report("max_of", black_box(7 as u16).max(9));
    report("abs_diff", black_box(7 as u16).abs_diff(200));
    showb("pow2", black_box(64 as u16).is_power_of_two());
    report("next_pow2", black_box(65 as u16).next_power_of_two());
    showb("cmp", max > max - 1 && min < one && one != min);
    done()
}
