// bool and char casts: bool as integers, char as u32/u8 (truncating), u8 as char, char ranges
// and comparisons, a hand-made UTF-8 encoder driven by the code point.
#![no_std]
#![no_main]

use core::hint::black_box;

fn utf8_len(c: char) -> u32 {
    let v = c as u32;
    if v < 0x80 {
        1
    } else if v < 0x800 {
        2
    } else if v < 0x10000 {
        3
    } else {
        4
    }
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let t = black_box(true);
    let f = black_box(false);
    showu("true_u8", t as u8 as u64);
    show("false_i32", f as i32 as i64);
    showu("true_u64", t as u64);
    show("sum", t as i64 + t as i64 + f as i64);
    let a = black_box('A');
    showu("A", a as u32 as u64);
    showu("A_u8", a as u8 as u64);
    let snow = black_box('☃');
    showx("snowman", snow as u32 as u64, 4);
    showx("snowman_u8", snow as u8 as u64, 2);
    showu("crab_len", utf8_len(black_box('🦀')) as u64);
    showu("e_len", utf8_len(black_box('é')) as u64);
    showu("snow_len", utf8_len(snow) as u64);
    let c = black_box(0x61u8) as char;
    showu("u8_as_char", c as u32 as u64);
    showb("lt", a < c);
    showb("is_upper", a >= 'A' && a <= 'Z');
    let mut letters = [0u8; 26];
    let mut i: u8 = 0;
    while i < 26 {
        letters[i as usize] = (b'a' + i) as char as u8;
        i += 1;
    }
    put_bytes(&letters);
    nl();
    showu("max_char", char::MAX as u32 as u64);
    showb("bool_and", t & f);
    showb("bool_or", t | f);
    showb("bool_xor", t ^ t);
    showb("bool_not", !f);
    showb("bool_lt", f < t);
    done()
}
