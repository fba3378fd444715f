// Constants and statics that refer to each other: a static holding a reference to another
// static, consts built with casts and shifts, an array length taken from a const array's len(),
// enum discriminants as array indices, negative discriminants cast to u8.
#![no_std]
#![no_main]

#[derive(Clone, Copy)]
enum Level {
    Low = -1,
    Mid = 0,
    High = 1,
}

const MASK: u32 = (1 << 10) as u32 - 1;
const NEG: i8 = -5;
const WORDS: [&str; 3] = ["low", "mid", "high"];
const COUNT: usize = WORDS.len();
static LIMIT: u32 = 700;
static LIMIT_REF: &u32 = &LIMIT;
static NAMES: &[&str] = &WORDS;

fn name(l: Level) -> &'static str {
    WORDS[(l as i32 + 1) as usize]
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    showx("mask", MASK as u64, 4);
    show("neg", NEG as i64);
    showu("neg_u8", NEG as u8 as u64);
    showu("count", COUNT as u64);
    showu("limit", *LIMIT_REF as u64);
    showb("same", *LIMIT_REF == LIMIT);
    showu("names", NAMES.len() as u64);
    for l in [Level::Low, Level::Mid, Level::High].iter() {
        put_str(name(*l));
        put_byte(b'=');
        put_u64(*l as u8 as u64);
        nl();
    }
    let table = [0u8; COUNT];
    showu("table", table.len() as u64);
    done()
}
