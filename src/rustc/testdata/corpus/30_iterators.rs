fn sums(v: &[u32]) -> u32 {
    let a: u32 = v.iter().copied().filter(|x| x % 2 == 0).sum();
    let b = v.iter().enumerate().map(|(i, &x)| i as u32 * x).fold(0, |acc, x| acc + x);
    let c = v.chunks(2).map(<[u32]>::len).max().unwrap_or(0) as u32;
    let d = v.iter().rev().skip(1).take(2).zip(v.iter()).count() as u32;
    a + b + c + d
}
