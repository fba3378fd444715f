#![no_std]
struct Point { x: u8, y: u8 }
pub fn f() {
    let p = Point;
}
