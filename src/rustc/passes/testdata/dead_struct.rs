#![no_std]
struct Never;
struct Point { x: u8, y: u8, z: u8 }
pub fn f() -> u8 {
    let p = Point { x: 1, y: 2, z: 3 };
    p.x
}
