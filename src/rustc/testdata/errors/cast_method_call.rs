fn f(x: u8) -> usize {
    x as usize.pow(2)
}
