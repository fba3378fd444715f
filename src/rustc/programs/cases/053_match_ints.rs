// match on integers: literals, inclusive and exclusive ranges, or-patterns, guards, bindings
// with @, negative ranges, matches as expressions, exhaustive matches on u8 without `_`.
#![no_std]
#![no_main]

use core::hint::black_box;

fn classify(n: i32) -> &'static str {
    match n {
        i32::MIN..=-1000 => "very negative",
        -999..=-1 => "negative",
        0 => "zero",
        1 | 2 | 3 => "tiny",
        x if x % 2 == 0 && x < 100 => "small even",
        4..=99 => "small odd",
        100..1000 => "hundreds",
        _ => "large",
    }
}

fn byte_kind(b: u8) -> u8 {
    match b {
        0..=31 | 127 => 0,
        b' ' => 1,
        b'0'..=b'9' => 2,
        b'a'..=b'z' | b'A'..=b'Z' => 3,
        33..=47 | 58..=64 | 91..=96 | 123..=126 => 4,
        128..=255 => 5,
    }
}

fn digits(n: u64) -> u32 {
    match n {
        0..=9 => 1,
        10..=99 => 2,
        v @ 100..=999_999 => 3 + digits(v / 1000),
        v => 6 + digits(v / 1_000_000),
    }
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let inputs = [-5000, -3, 0, 2, 8, 9, 150, 5000];
    for &n in inputs.iter() {
        put_i64(n as i64);
        put_str(": ");
        put_str(classify(black_box(n)));
        nl();
    }
    let text = b"Az 9!\x7f\xe9";
    put_str("kinds:");
    for &b in text.iter() {
        put_byte(b' ');
        put_u64(byte_kind(b) as u64);
    }
    nl();
    showu("digits", digits(black_box(123_456_789_012)) as u64);
    let x = black_box(42u16);
    let described = match x {
        n @ 40..=49 => n * 2,
        _ => 0,
    };
    showu("described", described as u64);
    done()
}
