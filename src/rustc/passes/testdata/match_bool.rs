#![no_std]
pub fn m(t: (bool, bool)) -> u8 {
    match t { (true, _) => 1, (false, true) => 2 }
}
pub fn b(x: bool) -> u8 {
    match x { true => 1 }
}
