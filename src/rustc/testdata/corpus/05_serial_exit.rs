#![no_std]
#![no_main]
#![feature(abi_x86_interrupt)]

use core::arch::asm;
use core::panic::PanicInfo;

unsafe fn outb(port: u16, value: u8) {
    asm!("out dx, al", in("dx") port, in("al") value, options(nomem, nostack, preserves_flags));
}

unsafe fn inb(port: u16) -> u8 {
    let value: u8;
    asm!("in al, dx", out("al") value, in("dx") port);
    value
}

fn serial_write(s: &[u8]) {
    for &b in s {
        unsafe {
            while inb(0x3fd) & 0x20 == 0 {}
            outb(0x3f8, b);
        }
    }
}

fn exit_qemu(code: u32) -> ! {
    unsafe {
        asm!("out dx, eax", in("dx") 0xf4u16, in("eax") code);
    }
    loop {
        unsafe { asm!("hlt") };
    }
}

#[panic_handler]
fn panic(_info: &PanicInfo) -> ! {
    serial_write(b"panic\n");
    exit_qemu(1)
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    serial_write(b"ok\n");
    exit_qemu(0x10)
}
