#![no_std]
pub fn f() {
    clear_screen();
}
