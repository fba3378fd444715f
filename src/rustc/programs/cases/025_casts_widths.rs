// `as` casts between all integer widths: truncation, zero and sign extension, and round trips.
#![no_std]
#![no_main]

use core::hint::black_box;

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let v = black_box(0xfedc_ba98_7654_3210u64);
    showx("u64->u8", v as u8 as u64, 2);
    showx("u64->u16", v as u16 as u64, 4);
    showx("u64->u32", v as u32 as u64, 8);
    show("u64->i8", v as i8 as i64);
    show("u64->i16", v as i16 as i64);
    show("u64->i32", v as i32 as i64);
    show("u64->i64", v as i64);
    let n = black_box(-2i8);
    showx("i8->u16", n as u16 as u64, 4);
    showx("i8->u32", n as u32 as u64, 8);
    showx("i8->u64", n as u64, 16);
    show("i8->i32", n as i32 as i64);
    showx("i8->usize", n as usize as u64, 16);
    show("i8->isize", n as isize as i64);
    showx("u8->i8->u8", black_box(200u8) as i8 as u8 as u64, 2);
    show("u8->i8", black_box(200u8) as i8 as i64);
    show("u16->i16", black_box(40000u16) as i16 as i64);
    showx("i16->u8", black_box(-300i16) as u8 as u64, 2);
    show("i32->i8", black_box(-129i32) as i8 as i64);
    show("u32->i32", black_box(3_000_000_000u32) as i32 as i64);
    showu("i32->u64", black_box(-1i32) as u64);
    showu("i32->u32->u64", black_box(-1i32) as u32 as u64);
    show("usize->i32", black_box(usize::MAX) as i32 as i64);
    showu("isize->usize", black_box(-1isize) as usize as u64);
    show("i64->i16", black_box(i64::MIN + 0x8001) as i16 as i64);
    showu("u128->u64", black_box(u128::MAX - 5) as u64);
    show("i128->i8", black_box(-1_000_000_000_000_000_000_000i128) as i8 as i64);
    let widened = black_box(-5i32) as i64 * black_box(3u16) as i64;
    show("widened", widened);
    let mut sum: u32 = 0;
    for b in black_box([250u8, 251, 252, 253]).iter() {
        sum += *b as u32;
    }
    showu("sum", sum as u64);
    done()
}
