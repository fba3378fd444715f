// Iterator combinations: bytes().enumerate(), chars().enumerate(), iter().step_by(),
// iter_mut().rev(), enumerate over a sub-slice, step_by over a reversed range of i64.
#![no_std]
#![no_main]

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let text = "Bootlab!";
    let mut weighted = 0;
    for (i, b) in text.bytes().enumerate() {
        weighted += (i + 1) * b as usize;
    }
    showu("weighted", weighted as u64);
    put_str("chars:");
    for (i, c) in "añ€😀".chars().enumerate() {
        put_byte(b' ');
        put_u64(i as u64);
        put_byte(b'=');
        put_hex(c as u64, 5);
    }
    nl();
    let values = [10u32, 11, 12, 13, 14, 15, 16];
    put_str("every_other:");
    for v in values.iter().step_by(2) {
        put_byte(b' ');
        put_u64(*v as u64);
    }
    nl();
    let mut ramp = [0u8; 6];
    let mut next = 1u8;
    for slot in ramp.iter_mut().rev() {
        *slot = next;
        next *= 2;
    }
    put_str("ramp:");
    for v in ramp.iter() {
        put_byte(b' ');
        put_u64(*v as u64);
    }
    nl();
    put_str("sub:");
    for (i, v) in values[2..5].iter().enumerate() {
        put_byte(b' ');
        put_u64((i as u32 * 100 + *v) as u64);
    }
    nl();
    put_str("neg_steps:");
    for v in (-10i64..=10).rev().step_by(4) {
        put_byte(b' ');
        put_i64(v);
    }
    nl();
    done()
}
