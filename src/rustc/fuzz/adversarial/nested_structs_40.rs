#![no_std]
#![no_main]

use core::panic::PanicInfo;

#[panic_handler]
fn panic(_info: &PanicInfo) -> ! {
    loop {}
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    loop {}
}

struct S0 { v: u8, n: S1 }
struct S1 { v: u8, n: S2 }
struct S2 { v: u8, n: S3 }
struct S3 { v: u8, n: S4 }
struct S4 { v: u8, n: S5 }
struct S5 { v: u8, n: S6 }
struct S6 { v: u8, n: S7 }
struct S7 { v: u8, n: S8 }
struct S8 { v: u8, n: S9 }
struct S9 { v: u8, n: S10 }
struct S10 { v: u8, n: S11 }
struct S11 { v: u8, n: S12 }
struct S12 { v: u8, n: S13 }
struct S13 { v: u8, n: S14 }
struct S14 { v: u8, n: S15 }
struct S15 { v: u8, n: S16 }
struct S16 { v: u8, n: S17 }
struct S17 { v: u8, n: S18 }
struct S18 { v: u8, n: S19 }
struct S19 { v: u8, n: S20 }
struct S20 { v: u8, n: S21 }
struct S21 { v: u8, n: S22 }
struct S22 { v: u8, n: S23 }
struct S23 { v: u8, n: S24 }
struct S24 { v: u8, n: S25 }
struct S25 { v: u8, n: S26 }
struct S26 { v: u8, n: S27 }
struct S27 { v: u8, n: S28 }
struct S28 { v: u8, n: S29 }
struct S29 { v: u8, n: S30 }
struct S30 { v: u8, n: S31 }
struct S31 { v: u8, n: S32 }
struct S32 { v: u8, n: S33 }
struct S33 { v: u8, n: S34 }
struct S34 { v: u8, n: S35 }
struct S35 { v: u8, n: S36 }
struct S36 { v: u8, n: S37 }
struct S37 { v: u8, n: S38 }
struct S38 { v: u8, n: S39 }
struct S39 { v: u8, n: S40 }
struct S40 { v: u8 }
fn f(s: &S0) -> u8 { s.n.n.n.n.n.n.n.n.n.n.v }

