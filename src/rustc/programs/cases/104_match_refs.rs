// Matching through references: default binding modes on &(T, U) and &Struct, `&` patterns,
// `ref` and `ref mut` bindings, @ bindings with ranges and guards that use the binding,
// wide integer ranges in u64 and i128 matches.
#![no_std]
#![no_main]

struct Reading {
    sensor: u8,
    value: i32,
}

fn sum_pair(p: &(u32, u32)) -> u32 {
    match p {
        (a, 0) => *a,
        (a, b) => *a + *b,
    }
}

fn describe(r: &Reading) -> u32 {
    match r {
        Reading { sensor: 0, .. } => 0,
        Reading { sensor: s @ 1..=9, value } if *value < 0 => *s as u32 * 100,
        Reading { value: v @ 1000..=i32::MAX, .. } => *v as u32,
        Reading { sensor, value: _ } => *sensor as u32,
    }
}

fn size_class(n: u64) -> u8 {
    match n {
        0 => 0,
        1..=0xffff => 1,
        0x1_0000..=0xffff_ffff => 2,
        _ => 3,
    }
}

fn sign128(n: i128) -> i8 {
    match n {
        i128::MIN..=-1 => -1,
        0 => 0,
        _ => 1,
    }
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    showu("pair", sum_pair(&(3, 4)) as u64);
    showu("pair0", sum_pair(&(9, 0)) as u64);
    let readings = [
        Reading { sensor: 0, value: 5 },
        Reading { sensor: 3, value: -2 },
        Reading { sensor: 12, value: 5000 },
        Reading { sensor: 12, value: 7 },
    ];
    put_str("describe:");
    for r in readings.iter() {
        put_byte(b' ');
        put_u64(describe(r) as u64);
    }
    nl();
    let x = 5u8;
    let r = match &x {
        &5 => 50,
        &n => n as u32,
    };
    showu("amp", r as u64);
    let mut pair = (1u32, 2u32);
    {
        let (ref mut a, ref b) = pair;
        *a += *b * 10;
    }
    showu("ref_mut", pair.0 as u64);
    match pair {
        (ref first, _) if *first > 20 => put_str("big"),
        _ => put_str("small"),
    }
    nl();
    put_str("sizes:");
    for &n in [0u64, 77, 70_000, 1 << 40].iter() {
        put_byte(b' ');
        put_u64(size_class(n) as u64);
    }
    nl();
    show("sign", sign128(-(1i128 << 100)) as i64 * 100 + sign128(0) as i64 * 10 + sign128(1i128 << 90) as i64);
    done()
}
