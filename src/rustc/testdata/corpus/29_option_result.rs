fn div(a: u32, b: u32) -> Result<u32, &'static str> {
    if b == 0 { return Err("divide by zero"); }
    Ok(a / b)
}
fn chain(a: u32) -> Result<u32, &'static str> {
    let x = div(a, 2)?;
    let y = div(x, 1).map(|v| v + 1).unwrap_or(0);
    let z = Some(3).and_then(|v: u32| v.checked_mul(2)).ok_or("overflow")?;
    Ok(x + y + z)
}
