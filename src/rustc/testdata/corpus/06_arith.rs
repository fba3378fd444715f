fn arith(a: i32, b: i32) -> i32 {
    let mut x = a * b + a / b - a % b;
    x <<= 2;
    x >>= 1;
    x ^= 0x55;
    x |= 1 << 3;
    x &= !0xf0;
    let y = -x + -(-a) * 3;
    let z = (a as i64).wrapping_mul(b as i64) as i32;
    x.wrapping_add(y).checked_sub(z).unwrap_or(0)
}

fn compare(a: u8, b: u8) -> bool {
    a < b && b > 3 || a <= 1 && !(b >= 200) || a == b || a != 7
}

fn shifts(v: u64) -> u64 {
    (v >> 3) << 1 | v & 0xff ^ 0x0f
}
