// Boolean logic: && and || short-circuit (the right side's side effects happen only when needed),
// ! on bools and integers, comparisons chained with logic, bools stored in arrays and structs.
#![no_std]
#![no_main]

static mut CALLS: u32 = 0;

fn noisy(v: bool, tag: u8) -> bool {
    unsafe {
        CALLS += 1;
    }
    put_byte(tag);
    v
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let a = noisy(false, b'a') && noisy(true, b'b');
    let b = noisy(true, b'c') || noisy(true, b'd');
    let c = noisy(true, b'e') && noisy(false, b'f') || noisy(true, b'g');
    let d = !(noisy(false, b'h') || noisy(false, b'i'));
    nl();
    showb("a", a);
    showb("b", b);
    showb("c", c);
    showb("d", d);
    showu("calls", unsafe { CALLS } as u64);
    let flags = [true, false, true, true];
    let mut all = true;
    let mut any = false;
    let mut count = 0;
    for &f in flags.iter() {
        all = all && f;
        any = any || f;
        count += f as u32;
    }
    showb("all", all);
    showb("any", any);
    showu("count", count as u64);
    let x = 15;
    let in_range = x > 10 && x < 20 && x != 13;
    let outside = !(x >= 10) || x > 100;
    showb("in_range", in_range);
    showb("outside", outside);
    showb("xor", in_range ^ outside);
    showb("eq", in_range == !outside);
    let mut bits = 0u8;
    for (i, &f) in flags.iter().enumerate() {
        if f {
            bits |= 1 << i;
        }
    }
    showu("bits", bits as u64);
    showu("not_bits", !bits as u64);
    done()
}
