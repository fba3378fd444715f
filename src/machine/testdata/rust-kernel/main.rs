#![no_std]
#![no_main]
use core::panic::PanicInfo;

#[panic_handler]
fn panic(_info: &PanicInfo) -> ! { loop {} }

static HELLO: &[u8] = b"Hello World!";

fn put(row: usize, col: usize, byte: u8) {
    let vga = 0xb8000 as *mut u8;
    unsafe {
        core::ptr::write_volatile(vga.add((row * 80 + col) * 2), byte);
        core::ptr::write_volatile(vga.add((row * 80 + col) * 2 + 1), 0xb);
    }
}

fn put_u128(row: usize, mut v: u128) {
    let mut digits = [0u8; 40];
    let mut n = 0;
    loop { digits[n] = b'0' + (v % 10) as u8; v /= 10; n += 1; if v == 0 { break; } }
    for i in 0..n { put(row, i, digits[n - 1 - i]); }
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    for (i, &byte) in HELLO.iter().enumerate() { put(0, i, byte); }
    let a: u64 = core::hint::black_box(0xdead_beef_1234_5678);
    let b: u64 = core::hint::black_box(0x1_0000_0001);
    let p = (a as u128) * (b as u128);
    put_u128(1, p);
    let q = core::hint::black_box(p) / core::hint::black_box(7u128);
    put_u128(2, q);
    let s: i64 = core::hint::black_box(-123456789);
    put_u128(3, (s.unsigned_abs() as u128).rotate_left(3) ^ (s.leading_zeros() as u128));
    unsafe { core::arch::asm!("out dx, al", in("dx") 0xf4u16, in("al") 0x10u8); }
    loop {}
}

#[no_mangle]
pub extern "C" fn rust_eh_personality() {}
