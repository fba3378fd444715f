// Every compound assignment operator (+= -= *= /= %= &= |= ^= <<= >>=) on locals, struct
// fields, array elements and through &mut and raw pointers, in several widths.
#![no_std]
#![no_main]

struct Acc {
    total: i64,
    bits: u16,
}

fn apply(x: &mut u32) {
    *x *= 3;
    *x += 7;
    *x %= 1000;
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let mut a: i32 = 100;
    a += 5;
    a -= 210;
    a *= -3;
    a /= 4;
    a %= 7;
    show("a", a as i64);
    let mut b: u8 = 0b1100_0011;
    b &= 0b1010_1010;
    b |= 0b0000_0100;
    b ^= 0xff;
    b <<= 2;
    b >>= 1;
    showu("b", b as u64);
    let mut acc = Acc { total: 0, bits: 1 };
    for i in 1..=10 {
        acc.total += i * i;
        acc.total -= i;
        acc.bits <<= 1;
        acc.bits |= (i % 2) as u16;
    }
    show("total", acc.total);
    showx("bits", acc.bits as u64, 4);
    let mut arr = [1u64, 2, 3, 4];
    for i in 0..4 {
        arr[i] *= arr[(i + 1) % 4];
        arr[i] ^= 0x10;
    }
    put_str("arr:");
    for v in arr.iter() {
        put_byte(b' ');
        put_u64(*v);
    }
    nl();
    let mut x = 41u32;
    apply(&mut x);
    apply(&mut x);
    showu("x", x as u64);
    let mut y = -7i16;
    let p = &mut y as *mut i16;
    unsafe {
        *p *= 1000;
        *p >>= 3;
        *p -= 1;
    }
    show("y", y as i64);
    let mut big = 1u128;
    big <<= 100;
    big += 1;
    big /= 3;
    put_u128(big);
    nl();
    done()
}
