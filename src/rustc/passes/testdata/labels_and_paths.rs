#![no_std]
pub fn f(n: u32) -> u32 {
    let mut hits = 0;
    'outer: for i in 0..n {
        'inner: for j in 0..n {
            if i * j > 10 { break 'outer; }
            hits += 1;
        }
    }
    hits
}
