#![no_std]
enum Color { Red, Green, Blue }
enum Unused { A, B }
pub fn f() -> u8 {
    let c = Color::Red;
    c as u8
}
