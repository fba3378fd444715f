// Matches that are exhaustive without a wildcard: every i8 through ranges, all chars through
// the two ranges around the surrogates, nested tuples of bools and enums, u16 split at a
// boundary; and raw borrows of statics (&raw const / &raw mut, addr_of!).
#![no_std]
#![no_main]

#[derive(Clone, Copy)]
enum Mode {
    Off,
    On,
}

static mut HITS: u32 = 0;
static TABLE: [u8; 3] = [7, 8, 9];

fn sign(v: i8) -> i8 {
    match v {
        i8::MIN..=-1 => -1,
        0 => 0,
        1..=i8::MAX => 1,
    }
}

fn plane(c: char) -> u32 {
    match c {
        '\0'..='\u{D7FF}' => 0,
        '\u{E000}'..='\u{10FFFF}' => 1,
    }
}

fn combo(t: (bool, Mode, bool)) -> u8 {
    match t {
        (true, Mode::On, _) => 1,
        (true, Mode::Off, true) => 2,
        (true, Mode::Off, false) => 3,
        (false, _, true) => 4,
        (false, Mode::On, false) => 5,
        (false, Mode::Off, false) => 6,
    }
}

fn half(v: u16) -> u8 {
    match v {
        0..=0x7fff => 0,
        0x8000..=u16::MAX => 1,
    }
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    show("signs", sign(-100) as i64 * 100 + sign(0) as i64 * 10 + sign(5) as i64);
    showu("planes", (plane('a') * 10 + plane('\u{FFFD}')) as u64);
    put_str("combos:");
    for &a in [false, true].iter() {
        for &m in [Mode::Off, Mode::On].iter() {
            for &b in [false, true].iter() {
                put_byte(b' ');
                put_u64(combo((a, m, b)) as u64);
            }
        }
    }
    nl();
    showu("halves", (half(3) * 10 + half(0x9000)) as u64);
    let p = &raw mut HITS;
    unsafe {
        *p += 5;
        *p += 1;
    }
    showu("hits", unsafe { HITS } as u64);
    let t = core::ptr::addr_of!(TABLE);
    showu("table1", unsafe { (*t)[1] } as u64);
    let q = &raw const TABLE;
    showu("table2", unsafe { (*q)[2] } as u64);
    done()
}
