// Functions with many parameters of mixed widths (more than fit in registers), u128 and struct
// parameters, many values live across calls, and results combined from nested calls.
#![no_std]
#![no_main]

#[derive(Clone, Copy)]
struct Small {
    a: u8,
    b: i16,
}

fn mix(a: u8, b: i16, c: u32, d: i64, e: u128, f: bool, g: char, h: usize, i: i8, j: u16, s: Small) -> i64 {
    let mut r = a as i64 - b as i64 + c as i64 * 3 - d;
    r += (e >> 64) as i64 + (e as u64 >> 60) as i64;
    if f {
        r = -r;
    }
    r += g as i64 + h as i64 * 2 + i as i64 * 5 + j as i64;
    r * 10 + s.a as i64 - s.b as i64
}

fn wide(x: u128, y: u128) -> u128 {
    (x << 3) ^ (y >> 5) ^ x.wrapping_mul(y)
}

fn keep_alive(seed: u32) -> u32 {
    let v1 = seed + 1;
    let v2 = seed * 3;
    let v3 = seed ^ 0x55;
    let v4 = seed.rotate_left(7);
    let v5 = seed / 3 + 11;
    let v6 = seed % 97;
    let v7 = v1.wrapping_mul(v2);
    let v8 = v3 | v4;
    let c1 = step(v1);
    let c2 = step(v5);
    let v9 = v6 + v7 + c1;
    let c3 = step(v8);
    v1 ^ v2 ^ v3 ^ v4 ^ v5 ^ v6 ^ v7 ^ v8 ^ v9 ^ c1 ^ c2 ^ c3
}

fn step(x: u32) -> u32 {
    x.wrapping_mul(2654435761) >> 7
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let s = Small { a: 200, b: -300 };
    show("mix1", mix(250, -1000, 4_000_000_000, -5, (7u128 << 64) | 0xf000_0000_0000_0000, false, 'Z', 12345, -128, 65535, s));
    show("mix2", mix(1, 1, 1, 1, 1, true, 'a', 1, 1, 1, Small { a: 0, b: 0 }));
    put_u128(wide(0x1234_5678_9abc_def0_0fed_cba9_8765_4321, 0xffff_0000_ffff_0000));
    nl();
    showx("alive", keep_alive(123_456) as u64, 8);
    showx("alive2", keep_alive(u32::MAX / 7) as u64, 8);
    done()
}
