#![no_std]
#[derive(Clone, Copy)]
pub struct Point { pub x: i32, pub y: i32 }
pub fn make(x: i32, y: i32, z: i32) -> Point {
    let p = Point { x, y };
    let q = Point { x: 1, ..p };
    q
}
pub fn sum(p: Point) -> i32 {
    let Point { x, y } = p;
    x
}
