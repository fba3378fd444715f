// A u8 loop counter stepped past 255 with `+= 1`: panics in debug; in release it wraps to 0 and
// the loop ends when the counter comes back to its start.
#![no_std]
#![no_main]

use core::hint::black_box;

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let start = black_box(250u8);
    let mut counter = start;
    let mut steps = 0u32;
    loop {
        counter += 1;
        steps += 1;
        put_u64(counter as u64);
        put_byte(b' ');
        if counter == start || steps > 300 {
            break;
        }
    }
    nl();
    showu("steps", steps as u64);
    done()
}
