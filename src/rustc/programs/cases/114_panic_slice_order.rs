// A slice range whose start is after its end panics in both builds (slice index starts at 3
// but ends at 2); an empty range with start == end is fine.
#![no_std]
#![no_main]

use core::hint::black_box;

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let data = [1u8, 2, 3, 4, 5];
    showu("empty", data[black_box(3)..black_box(3)].len() as u64);
    showu("bad", data[black_box(3)..black_box(2)].len() as u64);
    done()
}
