fn f(x: u8) -> u8 {
    let a = x as u16.0;
    a
}
