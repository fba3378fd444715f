// ASCII helpers on u8 and char: is_ascii_digit/alphabetic/uppercase/whitespace/punctuation/
// hexdigit, to_ascii_uppercase/lowercase, case-insensitive comparison and title-casing by hand.
#![no_std]
#![no_main]

fn title_case(src: &[u8], out: &mut [u8; 64]) -> usize {
    let mut start = true;
    let mut n = 0;
    for &b in src.iter() {
        out[n] = if start { b.to_ascii_uppercase() } else { b.to_ascii_lowercase() };
        start = b == b' ';
        n += 1;
    }
    n
}

fn eq_ignore_case(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    for i in 0..a.len() {
        if a[i].to_ascii_lowercase() != b[i].to_ascii_lowercase() {
            return false;
        }
    }
    true
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let text = b"Hello, World 42!\tOK";
    let mut counts = [0u32; 6];
    for &b in text.iter() {
        if b.is_ascii_digit() {
            counts[0] += 1;
        }
        if b.is_ascii_alphabetic() {
            counts[1] += 1;
        }
        if b.is_ascii_uppercase() {
            counts[2] += 1;
        }
        if b.is_ascii_whitespace() {
            counts[3] += 1;
        }
        if b.is_ascii_punctuation() {
            counts[4] += 1;
        }
        if b.is_ascii_hexdigit() {
            counts[5] += 1;
        }
    }
    put_str("counts:");
    for c in counts.iter() {
        put_byte(b' ');
        put_u64(*c as u64);
    }
    nl();
    let mut out = [0u8; 64];
    let n = title_case(b"the mINIMAL rust kernel", &mut out);
    put_bytes(&out[..n]);
    nl();
    showb("eq_ic", eq_ignore_case(b"BootLab", b"bOOTlAB"));
    showb("ne_ic", eq_ignore_case(b"BootLab", b"BootLap"));
    let c = 'q';
    showb("char_alpha", c.is_ascii_alphabetic());
    showb("char_digit", '7'.is_ascii_digit());
    showu("char_upper", c.to_ascii_uppercase() as u64);
    showb("is_ascii", 'é'.is_ascii());
    done()
}
