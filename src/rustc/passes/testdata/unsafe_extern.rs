#![no_std]
extern "C" {
    static EXT: u8;
    fn ext_fn(x: u8);
}
pub fn f() -> u8 {
    ext_fn(1);
    EXT
}
