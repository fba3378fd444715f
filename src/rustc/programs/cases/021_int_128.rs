// u128 and i128: multiplication, division and remainder (calls into compiler_builtins),
// shifts across the 64-bit halves, wrapping and overflowing arithmetic, factorials and powers.
#![no_std]
#![no_main]

use core::hint::black_box;

fn show128(label: &str, v: u128) {
    put_str(label);
    put_byte(b'=');
    put_u128(v);
    nl();
}

fn showi128(label: &str, v: i128) {
    put_str(label);
    put_byte(b'=');
    put_i128(v);
    nl();
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let big = black_box(0x0123_4567_89ab_cdef_fedc_ba98_7654_3210u128);
    show128("big", big);
    show128("div", big / black_box(1_000_000_007));
    show128("rem", big % black_box(1_000_000_007));
    show128("div128", big / black_box(0x1_0000_0000_0000_0001u128));
    show128("rem128", big % black_box(0x1_0000_0000_0000_0001u128));
    show128("mul", black_box(0xffff_ffff_ffffu128) * black_box(0xffff_ffff_ffffu128));
    show128("shl", big << black_box(68u32));
    show128("shr", big >> black_box(60u32));
    show128("wrapping_mul", big.wrapping_mul(big));
    show128("wrapping_add", u128::MAX.wrapping_add(black_box(2)));
    let (v, o) = big.overflowing_mul(black_box(1u128 << 10));
    show128("overflowing_mul", v);
    showb("overflowed", o);
    showi128("min", black_box(i128::MIN));
    showi128("max", black_box(i128::MAX));
    showi128("neg_div", black_box(-170141183460469231731687303715884105727i128) / black_box(-3));
    showi128("neg_rem", black_box(-170141183460469231731687303715884105727i128) % black_box(1_000_000_000_000));
    showi128("sar", black_box(-1i128 << 100) >> black_box(90u32));
    showi128("wrapping_neg", i128::MIN.wrapping_neg());
    let mut fact: u128 = 1;
    let mut n: u128 = 1;
    while n <= 34 {
        fact *= n;
        n += 1;
    }
    show128("fact34", fact);
    show128("pow", black_box(3u128).pow(80));
    showu("leading_zeros", big.leading_zeros() as u64);
    showu("trailing_zeros", (big << 3).trailing_zeros() as u64);
    showu("low", big as u64);
    showu("high", (big >> 64) as u64);
    showi128("from_i64", black_box(-5i64) as i128);
    show128("from_i64_u", black_box(-5i64) as u128);
    showb("cmp", black_box(1u128 << 64) > black_box(u64::MAX as u128));
    showb("icmp", black_box(-1i128) < black_box(1i128 << 70));
    done()
}
