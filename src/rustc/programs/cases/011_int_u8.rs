// u8 edge cases: MIN/MAX, wrapping_*, overflowing_*, saturating_*, division and remainder.
#![no_std]
#![no_main]

use core::hint::black_box;

fn report(label: &str, v: u8) {
    put_str(label);
    put_byte(b'=');
    put_u64(v as u64);
    nl();
}

fn report_pair(label: &str, pair: (u8, bool)) {
    put_str(label);
    put_byte(b'=');
    put_u64(pair.0 as u64);
    put_byte(b',');
    put_bool(pair.1);
    nl();
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let max = black_box(u8::MAX);
    let min = black_box(u8::MIN);
    let one = black_box(1u8);
    report("max", max);
    report("min", min);
    report("wrapping_add", max.wrapping_add(one));
    report("wrapping_sub", min.wrapping_sub(one));
    report("wrapping_mul", black_box(16u8).wrapping_mul(17));
    report("wrapping_neg", black_box(5u8).wrapping_neg());
    report_pair("overflowing_add", max.overflowing_add(one));
    report_pair("overflowing_add_ok", black_box(200u8).overflowing_add(55));
    report_pair("overflowing_sub", min.overflowing_sub(one));
    report_pair("overflowing_mul", black_box(20u8).overflowing_mul(13));
    report("saturating_add", black_box(250u8).saturating_add(10));
    report("saturating_sub", black_box(3u8).saturating_sub(10));
    report("saturating_mul", black_box(100u8).saturating_mul(3));
    report("div", max / black_box(7));
    report("rem", max % black_box(7));
    report("and", black_box(0xf0u8) & 0x3c);
    report("or", black_box(0xf0u8) | 0x0f);
    report("xor", black_box(0xffu8) ^ 0x55);
    report("not", !black_box(0x0fu8));
    report("max_add_0", max + black_box(0));
    showb("lt", black_box(3u8) < black_box(200u8));
    done()
}
