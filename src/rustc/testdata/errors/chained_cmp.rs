fn f(a: u8, b: u8, c: u8) -> bool {
    a < b < c
}
