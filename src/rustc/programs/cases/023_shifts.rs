// Shifts: logical and arithmetic right shifts, left shifts into the sign bit, shift amounts of
// other integer types, wrapping_shl/shr with amounts past the width, rotations versus shifts.
#![no_std]
#![no_main]

use core::hint::black_box;

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let neg = black_box(-1000i32);
    show("sar", (neg >> 3) as i64);
    showu("shr_as_u32", ((neg as u32) >> 3) as u64);
    show("shl_sign", (black_box(1i32) << 31) as i64);
    show("i8_sar", (black_box(-128i8) >> 7) as i64);
    showu("u8_shr", (black_box(0x80u8) >> 7) as u64);
    showu("shl_u8_amount", (black_box(1u64) << black_box(40u8)) as u64);
    showu("shl_i64_amount", (black_box(1u16) << black_box(15i64)) as u64);
    showu("shr_usize_amount", (black_box(u64::MAX) >> black_box(63usize)) as u64);
    showu("wrapping_shl", black_box(1u32).wrapping_shl(35) as u64);
    showu("wrapping_shr", black_box(0x8000_0000u32).wrapping_shr(33) as u64);
    show("wrapping_shl_i8", black_box(1i8).wrapping_shl(15) as i64);
    show("wrapping_shr_i64", black_box(i64::MIN).wrapping_shr(127));
    let mut acc: u64 = 0;
    let mut i: u32 = 0;
    while i < 64 {
        acc ^= black_box(0x9e37_79b9_7f4a_7c15u64) >> i;
        acc = acc.rotate_left(7);
        i += 3;
    }
    showx("mix", acc, 16);
    let mut x = black_box(0x1234u16);
    x <<= 4;
    showx("shl_assign", x as u64, 4);
    x >>= 8;
    showx("shr_assign", x as u64, 4);
    let mut y = black_box(-64i16);
    y >>= 2;
    show("sar_assign", y as i64);
    done()
}
