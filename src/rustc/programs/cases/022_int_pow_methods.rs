// pow and wrapping_pow, saturating_pow, min/max, abs_diff, rem_euclid/div_euclid of negatives,
// power-of-two helpers, byte order, across several widths.
#![no_std]
#![no_main]

use core::hint::black_box;

#[no_mangle]
pub extern "C" fn _start() -> ! {
    showu("2^10", black_box(2u32).pow(10) as u64);
    showu("3^40", black_box(3u64).pow(40));
    show("-2^63", black_box(-2i64).pow(63));
    show("-3^5", black_box(-3i32).pow(5) as i64);
    showu("wrapping_pow_u8", black_box(3u8).wrapping_pow(7) as u64);
    show("wrapping_pow_i16", black_box(7i16).wrapping_pow(9) as i64);
    showu("saturating_pow", black_box(10u16).saturating_pow(6) as u64);
    show("saturating_pow_neg", black_box(-10i16).saturating_pow(5) as i64);
    showu("pow0", black_box(0u32).pow(0) as u64);
    show("rem_euclid", black_box(-13i32).rem_euclid(4) as i64);
    show("div_euclid", black_box(-13i32).div_euclid(4) as i64);
    show("rem_euclid_negdiv", black_box(13i64).rem_euclid(-4));
    show("div_euclid_negdiv", black_box(13i64).div_euclid(-4));
    showu("abs_diff_i8", black_box(-100i8).abs_diff(100) as u64);
    showu("abs_diff_u64", black_box(5u64).abs_diff(u64::MAX));
    show("max_i16", black_box(-5i16).max(-9) as i64);
    show("min_i16", black_box(-5i16).min(-9) as i64);
    showx("to_be", black_box(0x1122_3344u32).to_be() as u64, 8);
    showx("to_le", black_box(0x1122_3344u32).to_le() as u64, 8);
    showx("swap_u64", black_box(0x0102_0304_0506_0708u64).swap_bytes(), 16);
    showx("swap_i16", black_box(0x1234i16).swap_bytes() as u16 as u64, 4);
    showb("pow2_0", black_box(0u32).is_power_of_two());
    showb("pow2_1", black_box(1u32).is_power_of_two());
    showu("next_pow2_0", black_box(0u32).next_power_of_two() as u64);
    showu("next_pow2_big", black_box((1u64 << 40) + 1).next_power_of_two());
    showu("rotl_u8", black_box(0x81u8).rotate_left(1) as u64);
    showu("rotr_u16", black_box(0x0001u16).rotate_right(1) as u64);
    showu("rotl_i32", black_box(i32::MIN).rotate_left(4) as u32 as u64);
    showu("lz_i8", black_box(-1i8).leading_zeros() as u64);
    showu("tz_u64_0", black_box(0u64).trailing_zeros() as u64);
    showu("ones_i64", black_box(i64::MIN).count_ones() as u64);
    done()
}
