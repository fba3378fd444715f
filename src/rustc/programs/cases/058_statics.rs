// Statics and consts: static mut counters changed by functions, static arrays and byte strings,
// consts computed from other consts, consts used as array lengths, a static struct, a static
// holding a &str.
#![no_std]
#![no_main]

const BASE: u32 = 7;
const DERIVED: u32 = BASE * 6 + 1;
const LEN: usize = (DERIVED as usize) / 10;
const TABLE: [u16; LEN] = [1, 10, 100, 1000];
const MASK: u64 = !0 << 8;

static GREETING: &str = "static str";
static PRIMES: [u8; 6] = [2, 3, 5, 7, 11, 13];
static mut COUNTER: u32 = 0;
static mut HISTORY: [u32; 4] = [0; 4];

struct Config {
    width: u16,
    height: u16,
    name: &'static [u8],
}

static CONFIG: Config = Config { width: 80, height: 25, name: b"vga" };

fn bump(by: u32) -> u32 {
    unsafe {
        COUNTER += by;
        HISTORY[(COUNTER % 4) as usize] = COUNTER;
        COUNTER
    }
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    showu("derived", DERIVED as u64);
    showu("len", LEN as u64);
    let mut t = 0;
    for v in TABLE.iter() {
        t += *v as u32;
    }
    showu("table", t as u64);
    showx("mask", MASK, 16);
    put_str(GREETING);
    nl();
    let mut p = 1u64;
    for v in PRIMES.iter() {
        p *= *v as u64;
    }
    showu("primorial", p);
    for i in 1..=5 {
        bump(i);
    }
    showu("counter", unsafe { COUNTER } as u64);
    put_str("history:");
    for i in 0..4 {
        put_byte(b' ');
        put_u64(unsafe { HISTORY[i] } as u64);
    }
    nl();
    showu("cells", (CONFIG.width as u32 * CONFIG.height as u32) as u64);
    put_bytes(CONFIG.name);
    nl();
    done()
}
