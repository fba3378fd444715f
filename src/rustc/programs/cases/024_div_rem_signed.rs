// Division and remainder of negative numbers in every signed width: truncation toward zero,
// the remainder takes the sign of the dividend.
#![no_std]
#![no_main]

use core::hint::black_box;

fn line(label: &str, q: i64, r: i64) {
    put_str(label);
    put_str(" q=");
    put_i64(q);
    put_str(" r=");
    put_i64(r);
    nl();
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let a8 = black_box(-7i8);
    let b8 = black_box(2i8);
    line("i8 -7/2", (a8 / b8) as i64, (a8 % b8) as i64);
    line("i8 7/-2", (-a8 / -b8) as i64, (-a8 % -b8) as i64);
    line("i8 -128/3", (i8::MIN / black_box(3)) as i64, (i8::MIN % black_box(3)) as i64);
    let a16 = black_box(-32767i16);
    line("i16", (a16 / black_box(-10)) as i64, (a16 % black_box(-10)) as i64);
    let a32 = black_box(-2_000_000_001i32);
    line("i32", (a32 / black_box(7)) as i64, (a32 % black_box(7)) as i64);
    line("i32 min/-2", (i32::MIN / black_box(-2)) as i64, (i32::MIN % black_box(-2)) as i64);
    let a64 = black_box(i64::MIN + 1);
    line("i64", a64 / black_box(-1_000_000_007), a64 % black_box(-1_000_000_007));
    let aisz = black_box(-99isize);
    line("isize", (aisz / black_box(10)) as i64, (aisz % black_box(10)) as i64);
    let mut q: i32 = black_box(-1_000_000);
    let mut steps = 0;
    while q != 0 {
        q /= black_box(-7);
        steps += 1;
    }
    show("steps", steps);
    showu("u_div", (black_box(u32::MAX) / black_box(16)) as u64);
    showu("u_rem", (black_box(u32::MAX) % black_box(16)) as u64);
    done()
}
