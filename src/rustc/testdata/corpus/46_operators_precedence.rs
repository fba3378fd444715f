fn prec(a: i32, b: i32, c: i32) -> bool {
    let x = a + b * c - a / b % c;
    let y = a << 2 + b >> 1;
    let z = a & b | c ^ a;
    let r = ..=5;
    let q = a..b;
    let neg = -a.abs() - !b;
    let deref = *&a + **&&b;
    x == y || z != 0 && neg < deref && r.contains(&a) && q.start <= c
}
