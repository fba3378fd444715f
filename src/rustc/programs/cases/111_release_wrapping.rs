// Release-build arithmetic that would panic in debug: every width's add/sub/mul overflow wraps,
// negation of MIN stays MIN, shift amounts are masked to the type's width, `+=` wraps.
// modes: release
#![no_std]
#![no_main]

use core::hint::black_box;

#[no_mangle]
pub extern "C" fn _start() -> ! {
    showu("u8_add", (black_box(200u8) + black_box(100u8)) as u64);
    showu("u8_mul", (black_box(16u8) * black_box(17u8)) as u64);
    show("i8_sub", (black_box(-100i8) - black_box(100i8)) as i64);
    show("i8_neg", (-black_box(i8::MIN)) as i64);
    showu("u16_sub", (black_box(1u16) - black_box(2u16)) as u64);
    show("i16_mul", (black_box(300i16) * black_box(300i16)) as i64);
    showu("u32_add", (black_box(u32::MAX) + black_box(5u32)) as u64);
    show("i32_mul", (black_box(65536i32) * black_box(65536i32)) as i64);
    showu("u64_mul", black_box(u64::MAX) * black_box(3u64));
    show("i64_add", black_box(i64::MAX) + black_box(1i64));
    showu("usize_sub", (black_box(0usize) - black_box(1usize)) as u64);
    show("isize_neg", -black_box(isize::MIN) as i64);
    put_u128(black_box(u128::MAX) + black_box(2u128));
    nl();
    put_i128(black_box(i128::MIN) - black_box(1i128));
    nl();
    showu("u8_shl9", (black_box(1u8) << black_box(9u32)) as u64);
    showu("u16_shr17", (black_box(0x8000u16) >> black_box(17u32)) as u64);
    show("i32_shr33", (black_box(-64i32) >> black_box(33u32)) as i64);
    showu("u64_shl65", black_box(1u64) << black_box(65u32));
    let mut acc = black_box(250u8);
    for _ in 0..10 {
        acc += 3;
    }
    showu("acc", acc as u64);
    showu("pow", black_box(3u8).pow(black_box(9)) as u64);
    done()
}
