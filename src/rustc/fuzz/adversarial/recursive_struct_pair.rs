#![no_std]
#![no_main]

use core::panic::PanicInfo;

#[panic_handler]
fn panic(_info: &PanicInfo) -> ! {
    loop {}
}

struct A { b: B }
struct B { a: [A; 2] }

fn f(a: &A) -> usize { a.b.a.len() }

#[no_mangle]
pub extern "C" fn _start() -> ! {
    loop {}
}
