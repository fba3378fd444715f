#![no_std]
#[derive(Clone, Copy, PartialEq)]
enum Mode { Idle, Busy, Off }
pub fn f(x: u8) -> u8 {
    let m = if x > 3 { Mode::Busy } else { Mode::Idle };
    match m {
        Mode::Idle => 0,
        Mode::Busy => 1,
        Mode::Off => 2,
    }
}
