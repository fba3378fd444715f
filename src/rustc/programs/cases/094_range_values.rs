// Ranges as values: a range stored in a local and iterated later, contains() on exclusive and
// inclusive ranges, len() of ranges, ranges from function results, reversed stored ranges.
#![no_std]
#![no_main]

fn window(center: u32, radius: u32) -> core::ops::Range<u32> {
    (center - radius)..(center + radius)
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let r = 10..20;
    showb("has_10", r.contains(&10));
    showb("has_20", r.contains(&20));
    let ri = 10..=20;
    showb("incl_has_20", ri.contains(&20));
    showu("len", r.len() as u64);
    let mut sum = 0;
    for v in r {
        sum += v;
    }
    showu("sum", sum as u64);
    let w = window(50, 3);
    showb("w_has_47", w.contains(&47));
    showb("w_has_53", w.contains(&53));
    put_str("w:");
    for v in w.rev() {
        put_byte(b' ');
        put_u64(v as u64);
    }
    nl();
    let letters = 'a'..='e';
    showb("has_c", letters.contains(&'c'));
    let neg = -5i32..5;
    showb("neg_has_-5", neg.contains(&-5));
    done()
}
