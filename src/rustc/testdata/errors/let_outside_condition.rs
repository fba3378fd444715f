fn f(x: Option<u8>) {
    if let Some(a) = x {}
    while let Some(b) = x {}
    let c = (let d = x);
}
