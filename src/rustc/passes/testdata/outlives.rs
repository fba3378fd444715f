#![no_std]
pub fn a() -> u8 {
    let r;
    {
        let colour = 0xbu8;
        r = &colour;
    }
    *r
}
pub fn b() -> u8 {
    let r;
    let outer = 3u8;
    {
        let inner = 1u8;
        r = &outer;
        let _ = inner;
    }
    *r
}
