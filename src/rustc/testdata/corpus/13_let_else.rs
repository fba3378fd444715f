fn parse_pair(s: &str) -> Option<(u32, u32)> {
    let Some((a, b)) = s.split_once(',') else {
        return None;
    };
    let Ok(a) = a.trim().parse::<u32>() else { return None };
    let b: u32 = if let Ok(b) = b.trim().parse() { b } else { 0 };
    while let Some(_) = None::<u8> {}
    if let Some(x) = Some(a) {
        return Some((x, b));
    }
    Some((a, b))
}
