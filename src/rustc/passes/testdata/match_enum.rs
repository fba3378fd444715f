#![no_std]
#[derive(Clone, Copy)]
pub enum Color { Red, Green, Blue, Black }
pub fn f(c: Color) -> u8 {
    match c { Color::Red => 1 }
}
pub fn g(c: Color) -> u8 {
    match c { Color::Red => 1, Color::Green => 2, Color::Blue => 3 }
}
