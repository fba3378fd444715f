// match on tuples, bools and chars: FizzBuzz with a tuple of remainders, a truth table,
// character classes, nested tuple patterns with wildcards and bindings.
#![no_std]
#![no_main]

fn fizzbuzz(n: u32) {
    match (n % 3, n % 5) {
        (0, 0) => put_str("FizzBuzz"),
        (0, _) => put_str("Fizz"),
        (_, 0) => put_str("Buzz"),
        _ => put_u64(n as u64),
    }
}

fn gate(a: bool, b: bool) -> u8 {
    match (a, b) {
        (true, true) => 3,
        (true, false) => 2,
        (false, true) => 1,
        (false, false) => 0,
    }
}

fn char_class(c: char) -> &'static str {
    match c {
        'a' | 'e' | 'i' | 'o' | 'u' => "vowel",
        'a'..='z' => "consonant",
        '0'..='9' => "digit",
        ' ' | '\t' | '\n' => "space",
        'À'..='ÿ' => "latin1",
        _ => "other",
    }
}

fn quadrant(p: (i32, i32)) -> u8 {
    match p {
        (0, 0) => 0,
        (x, 0) if x > 0 => 10,
        (_, 0) => 11,
        (0, _) => 12,
        (x, y) if x > 0 && y > 0 => 1,
        (x, _) if x < 0 => match p.1 > 0 {
            true => 2,
            false => 3,
        },
        _ => 4,
    }
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    for n in 1..=15 {
        fizzbuzz(n);
        put_byte(b' ');
    }
    nl();
    put_str("gates:");
    for a in [false, true].iter() {
        for b in [false, true].iter() {
            put_byte(b' ');
            put_u64(gate(*a, *b) as u64);
        }
    }
    nl();
    for c in "ab7 é!".chars() {
        put_str(char_class(c));
        put_byte(b',');
    }
    nl();
    let points = [(0, 0), (3, 0), (-3, 0), (0, 9), (2, 2), (-1, 5), (-1, -5), (4, -4)];
    put_str("quadrants:");
    for &p in points.iter() {
        put_byte(b' ');
        put_u64(quadrant(p) as u64);
    }
    nl();
    let nested = ((1u8, 2u8), (3u8, 4u8));
    let ((a, _), (_, d)) = nested;
    showu("a+d", (a + d) as u64);
    done()
}
