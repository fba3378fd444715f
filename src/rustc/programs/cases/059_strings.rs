// Byte strings and string slices: b"..." as &[u8; N] and &[u8], escapes, &str slicing by byte
// ranges, len and is_empty, as_bytes, comparing bytes by hand, str in arrays, reversing a
// byte string into a buffer.
#![no_std]
#![no_main]

fn same(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

fn count_byte(s: &str, b: u8) -> usize {
    let mut n = 0;
    for x in s.bytes() {
        if x == b {
            n += 1;
        }
    }
    n
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let raw: &[u8; 6] = b"ab\x00\xff\n\\";
    showu("raw_len", raw.len() as u64);
    showu("raw_sum", (raw[2] as u32 + raw[3] as u32 + raw[4] as u32 + raw[5] as u32) as u64);
    let text = "The quick brown fox";
    put_str(&text[4..9]);
    nl();
    put_str(&text[16..]);
    nl();
    put_str(&text[..3]);
    nl();
    showu("len", text.len() as u64);
    showb("empty", text[5..5].is_empty());
    showb("same", same(text[4..9].as_bytes(), b"quick"));
    showb("differ", same(text.as_bytes(), b"The quick brown box"));
    showu("o_count", count_byte(text, b'o') as u64);
    let words = ["alpha", "beta", "", "delta"];
    let mut total = 0;
    for w in words.iter() {
        total += w.len();
        if w.is_empty() {
            put_str("(empty)");
        } else {
            put_str(w);
        }
        put_byte(b' ');
    }
    nl();
    showu("total", total as u64);
    let mut buf = [0u8; 16];
    let src = b"backwards";
    for (i, &b) in src.iter().enumerate() {
        buf[src.len() - 1 - i] = b;
    }
    put_bytes(&buf[..src.len()]);
    nl();
    let utf = "naïve";
    showu("utf_len", utf.len() as u64);
    put_str(&utf[2..4]);
    nl();
    let escaped = "tab\there \"quoted\" \u{41}";
    put_str(escaped);
    nl();
    done()
}
