#![no_std]
pub fn a() -> u8 {
    let mut row = [1u8, 2, 3, 4];
    for b in row.iter() {
        row[0] = *b;
    }
    row[0]
}
pub fn b() -> u8 {
    let mut row = [1u8, 2, 3, 4];
    for b in row.iter() {
        let r = &mut row;
        r[1] = *b;
    }
    row[1]
}
pub fn c() -> u8 {
    let mut row = [1u8, 2, 3, 4];
    for i in 0..4 {
        row[i] = 0;
    }
    for b in row.iter_mut() { *b += 1; }
    row[0]
}
pub fn d() -> i8 { let y = -(-128i8); y }
