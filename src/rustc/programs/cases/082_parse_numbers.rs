// Parsing integers from byte strings by hand (atoi with sign, hexadecimal with 0x, overflow
// detected with overflowing_mul/overflowing_add), and a tiny calculator over "12+34*2-5".
#![no_std]
#![no_main]

fn parse_i64(s: &[u8]) -> (i64, bool) {
    let mut i = 0;
    let mut negative = false;
    if !s.is_empty() && (s[0] == b'-' || s[0] == b'+') {
        negative = s[0] == b'-';
        i = 1;
    }
    let mut value: i64 = 0;
    let mut ok = i < s.len();
    while i < s.len() {
        let c = s[i];
        if c < b'0' || c > b'9' {
            ok = false;
            break;
        }
        let d = (c - b'0') as i64;
        let (m, o1) = value.overflowing_mul(10);
        let (a, o2) = if negative { m.overflowing_sub(d) } else { m.overflowing_add(d) };
        if o1 || o2 {
            ok = false;
            break;
        }
        value = a;
        i += 1;
    }
    (value, ok)
}

fn parse_hex(s: &[u8]) -> u64 {
    let mut v = 0u64;
    for &c in s[2..].iter() {
        let d = match c {
            b'0'..=b'9' => c - b'0',
            b'a'..=b'f' => c - b'a' + 10,
            b'A'..=b'F' => c - b'A' + 10,
            _ => 0,
        };
        v = (v << 4) | d as u64;
    }
    v
}

fn calc(expr: &[u8]) -> i64 {
    let mut total = 0i64;
    let mut term = 0i64;
    let mut num = 0i64;
    let mut op = b'+';
    let mut i = 0;
    while i <= expr.len() {
        let c = if i < expr.len() { expr[i] } else { b'+' };
        if c >= b'0' && c <= b'9' {
            num = num * 10 + (c - b'0') as i64;
        } else {
            match op {
                b'+' => {
                    total += term;
                    term = num;
                }
                b'-' => {
                    total += term;
                    term = -num;
                }
                b'*' => term *= num,
                _ => term /= num,
            }
            op = c;
            num = 0;
        }
        i += 1;
    }
    total + term
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let inputs: [&[u8]; 7] = [b"12345", b"-987654321", b"+7", b"9223372036854775807", b"-9223372036854775808", b"9223372036854775808", b"12a"];
    for s in inputs.iter() {
        let (v, ok) = parse_i64(s);
        put_bytes(s);
        put_str(" -> ");
        if ok {
            put_i64(v);
        } else {
            put_str("error");
        }
        nl();
    }
    showx("hex", parse_hex(b"0xDeadBeef42"), 10);
    show("calc", calc(b"12+34*2-5"));
    show("calc2", calc(b"100/7*3-2*2*2"));
    done()
}
