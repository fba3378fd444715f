#![no_std]
pub fn f() {
    vga::print();
}
