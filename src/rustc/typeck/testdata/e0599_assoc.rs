#![no_std]
#[derive(Clone, Copy)]
enum Color { Black = 0, Blue = 1 }
pub fn f() -> u8 {
    Color::Green as u8
}
