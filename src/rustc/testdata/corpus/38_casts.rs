fn casts(x: i64) -> u8 {
    let a = x as u8 as i16 as usize;
    let b = (x as f64) as i32;
    let c = &x as *const i64 as usize;
    let d = true as u8 + 'a' as u8 + b'b';
    let e = -1i32 as u32 as u64;
    let f = (a < c) as u8;
    (a as u8).wrapping_add(b as u8).wrapping_add(d).wrapping_add(e as u8).wrapping_add(f)
}
