// Negative values of narrow signed types kept in struct fields, tuples and arrays, moved through
// calls, struct update syntax and copies, then widened: every path must sign-extend.
#![no_std]
#![no_main]

#[derive(Clone, Copy)]
struct S {
    a: i8,
    b: i16,
    c: i32,
    d: u8,
}

fn make(k: i32) -> S {
    S { a: -(k as i8), b: -300 * k as i16, c: -70000 * k, d: 200 }
}

fn merge(x: S, y: S) -> S {
    S { a: x.a.wrapping_add(y.a), b: x.b - y.b, ..y }
}

fn widen(s: &S) -> i64 {
    s.a as i64 * 1_000_000 + s.b as i64 * 1000 + s.c as i64 + s.d as i64
}

fn pass_tuple(t: (i8, i16, i32)) -> (i32, i16, i8) {
    (t.2, t.1, t.0)
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let s1 = make(3);
    let s2 = make(1);
    let m = merge(s1, s2);
    show("s1", widen(&s1));
    show("m", widen(&m));
    let upd = S { c: -1, ..m };
    show("upd", widen(&upd));
    let arr = [s1, m, upd];
    let mut acc = 0i64;
    for s in arr.iter() {
        acc += s.a as i64 + s.b as i64 + s.c as i64;
    }
    show("acc", acc);
    let (x, y, z) = pass_tuple((-5, -6, -7));
    show("tuple", x as i64 * 100 + y as i64 * 10 + z as i64);
    let neg8 = [-1i8, -2, -128, 127];
    let mut sum = 0i64;
    for v in neg8.iter() {
        sum = sum * 1000 + *v as i64;
    }
    show("neg8", sum);
    let copied = neg8;
    show("min_of", copied[2] as i64 - copied[3] as i64);
    done()
}
