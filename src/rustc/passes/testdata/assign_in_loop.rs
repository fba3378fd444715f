#![no_std]
pub fn f() -> u32 {
    let x;
    loop {
        x = 1;
        if x > 0 { break; }
    }
    x
}
pub fn g(n: u32) -> u32 {
    let mut last = 0;
    for i in 0..n {
        let v;
        v = i * 2;
        last = v;
    }
    last
}
