// Half-open range patterns (`X..` with no end, stable Rust) next to inclusive and exclusive ones.
#![no_std]
#![no_main]

fn bucket(n: i32) -> u8 {
    match n {
        ..=-1 => 0,
        0..10 => 1,
        10..100 => 2,
        100.. => 3,
    }
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    put_str("buckets:");
    for &n in [-7, 0, 9, 10, 99, 100, i32::MAX].iter() {
        put_byte(b' ');
        put_u64(bucket(n) as u64);
    }
    nl();
    done()
}
