#![no_std]
unsafe fn danger(x: u8) -> u8 { x }
mod inner {
    pub unsafe fn deep() {}
}
pub fn f() -> u8 {
    inner::deep();
    danger(1)
}
pub unsafe fn g() -> u8 {
    danger(2)
}
