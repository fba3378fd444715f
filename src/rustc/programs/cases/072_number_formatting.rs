// Formatting numbers by hand: any radix from 2 to 36 into a buffer, zero and space padding,
// thousands separators, signed values, and parsing the text back.
#![no_std]
#![no_main]

const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";

fn format_radix(mut n: u64, radix: u64, buf: &mut [u8; 64]) -> usize {
    let mut len = 0;
    loop {
        buf[63 - len] = DIGITS[(n % radix) as usize];
        len += 1;
        n /= radix;
        if n == 0 {
            break;
        }
    }
    len
}

fn print_radix(n: u64, radix: u64, width: usize, pad: u8) {
    let mut buf = [0u8; 64];
    let len = format_radix(n, radix, &mut buf);
    let mut w = len;
    while w < width {
        put_byte(pad);
        w += 1;
    }
    put_bytes(&buf[64 - len..]);
}

fn print_grouped(n: i64) {
    let mut buf = [0u8; 32];
    let mut len = 0;
    let negative = n < 0;
    let mut v = n.unsigned_abs();
    let mut digits = 0;
    loop {
        if digits > 0 && digits % 3 == 0 {
            buf[31 - len] = b',';
            len += 1;
        }
        buf[31 - len] = b'0' + (v % 10) as u8;
        len += 1;
        digits += 1;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    if negative {
        buf[31 - len] = b'-';
        len += 1;
    }
    put_bytes(&buf[32 - len..]);
}

fn parse_radix(text: &[u8], radix: u64) -> u64 {
    let mut v: u64 = 0;
    for &c in text.iter() {
        let d = match c {
            b'0'..=b'9' => c - b'0',
            b'a'..=b'z' => c - b'a' + 10,
            _ => 0,
        } as u64;
        v = v * radix + d;
    }
    v
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let value = 0xdead_beefu64;
    let radixes = [2u64, 3, 8, 10, 16, 36];
    for &r in radixes.iter() {
        put_str("base ");
        print_radix(r, 10, 2, b' ');
        put_str(": ");
        print_radix(value, r, 12, b'0');
        nl();
    }
    print_grouped(1234567890);
    nl();
    print_grouped(-1000);
    nl();
    print_grouped(i64::MIN);
    nl();
    print_grouped(999);
    nl();
    let mut buf = [0u8; 64];
    let len = format_radix(u64::MAX, 7, &mut buf);
    showu("roundtrip_ok", (parse_radix(&buf[64 - len..], 7) == u64::MAX) as u64);
    showu("parse36", parse_radix(b"bootlab", 36));
    done()
}
