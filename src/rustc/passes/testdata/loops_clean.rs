#![no_std]
pub fn sum_to(n: u32) -> u32 {
    let mut total = 0;
    let mut i = 0;
    while i < n {
        total += i;
        i += 1;
    }
    total
}
pub fn find(xs: &[u8], x: u8) -> Option2 {
    let mut found = Option2 { some: false, at: 0 };
    for (i, &v) in xs.iter().enumerate() {
        if v == x {
            found = Option2 { some: true, at: i };
            break;
        }
    }
    found
}
pub struct Option2 { pub some: bool, pub at: usize }
pub fn first_over(limit: u32) -> u32 {
    let mut k = 1;
    let r = loop {
        if k > limit { break k; }
        k *= 2;
    };
    r
}
pub fn labeled() -> u32 {
    let mut count = 0;
    'outer: for a in 0..10 {
        for b in 0..10 {
            if a * b > 20 { break 'outer; }
            count += 1;
        }
    }
    count
}
