fn edge() -> (u8, i8, u32) {
    let a: u8 = 255u8.wrapping_add(1);
    let b = i8::MIN.wrapping_neg();
    let c = u32::MAX >> 31;
    let d = 1_000_000i64 * 3;
    let e = 0b1010_1010u8 as i8;
    let f = 0o777 & 0xFFu32;
    let _g = 1e10f64 + 2.5e-3 + 1.;
    let _h = 3.0_f32;
    (a, b, c + f + d as u32 + e as u32)
}
