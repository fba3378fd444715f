#![no_std]
pub fn f() -> u32 {
    let x = 5;
    let y = &mut x;
    *y += 1;
    let arr = [1u32, 2, 3];
    for v in arr.iter_mut() { *v += 1; }
    x + arr[0]
}
