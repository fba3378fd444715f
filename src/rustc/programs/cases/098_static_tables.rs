// Static tables of structs holding &str and numbers, looked up by key; a static array of
// &str; a static of function pointers; a const array of tuples; static byte strings of
// different lengths in one array of slices.
#![no_std]
#![no_main]

struct Entry {
    code: u16,
    name: &'static str,
    weight: u32,
}

static ENTRIES: [Entry; 4] = [
    Entry { code: 200, name: "ok", weight: 5 },
    Entry { code: 404, name: "not found", weight: 1 },
    Entry { code: 418, name: "teapot", weight: 9 },
    Entry { code: 500, name: "server error", weight: 2 },
];

static DAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
static LINES: [&[u8]; 3] = [b"short", b"a bit longer", b""];
const PAIRS: [(u8, char); 3] = [(1, 'a'), (2, 'b'), (26, 'z')];

fn double(x: u32) -> u32 {
    x * 2
}

fn negate(x: u32) -> u32 {
    0u32.wrapping_sub(x)
}

static OPS: [fn(u32) -> u32; 2] = [double, negate];

fn lookup(code: u16) -> &'static str {
    for e in ENTRIES.iter() {
        if e.code == code {
            return e.name;
        }
    }
    "unknown"
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    put_str(lookup(418));
    nl();
    put_str(lookup(302));
    nl();
    let mut w = 0;
    for e in ENTRIES.iter() {
        w += e.weight * e.code as u32;
    }
    showu("weighted", w as u64);
    for (i, d) in DAYS.iter().enumerate() {
        if i % 2 == 0 {
            put_str(d);
            put_byte(b' ');
        }
    }
    nl();
    for l in LINES.iter() {
        showu("line_len", l.len() as u64);
    }
    for &(n, c) in PAIRS.iter() {
        showb("pair", (b'a' + n - 1) as char == c);
    }
    showx("op1", OPS[1](5) as u64, 8);
    showu("op0", OPS[0](21) as u64);
    done()
}
