#![no_std]
pub fn f(mut done: bool) {
    done += 1;
}
