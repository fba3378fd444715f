// &str and byte-slice comparison: == and != on &str, match on string literals, comparing
// slices of arrays with ==, a command dispatcher over words of a line.
#![no_std]
#![no_main]

fn command(word: &str) -> u32 {
    match word {
        "add" => 1,
        "sub" => 2,
        "" => 0,
        "help" | "?" => 9,
        _ => 99,
    }
}

fn next_word(line: &str, start: usize) -> (usize, usize) {
    let bytes = line.as_bytes();
    let mut s = start;
    while s < bytes.len() && bytes[s] == b' ' {
        s += 1;
    }
    let mut e = s;
    while e < bytes.len() && bytes[e] != b' ' {
        e += 1;
    }
    (s, e)
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let a = "kernel";
    let b = "kernel";
    let c = "kernels";
    showb("a==b", a == b);
    showb("a==c", a == c);
    showb("a!=c", a != c);
    showb("prefix", &c[..6] == a);
    let line = "add  sub help ? boot";
    let mut at = 0;
    put_str("codes:");
    loop {
        let (s, e) = next_word(line, at);
        if s == e {
            break;
        }
        put_byte(b' ');
        put_u64(command(&line[s..e]) as u64);
        at = e;
    }
    nl();
    let x = [1u8, 2, 3, 4];
    let y = [1u8, 2, 3, 5];
    showb("arrays_eq", x == y);
    showb("slices_eq", x[..3] == y[..3]);
    showb("bytes_eq", b"abc" == b"abc");
    showb("str_bytes", "abc".as_bytes() == b"abc");
    done()
}
