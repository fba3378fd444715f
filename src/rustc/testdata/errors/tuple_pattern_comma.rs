fn f(x: Option<(u8, u8)>) {
    match x {
        Some((qqq zzz)) => {}
        _ => {}
    }
}
