// unsafe fn and extern "C" functions defined in the program: an unsafe helper that writes
// through a raw pointer, #[no_mangle] extern "C" functions called from Rust, and port I/O
// through the extern declarations (the CMOS index port and the serial line status).
#![no_std]
#![no_main]

unsafe fn fill(dst: *mut u8, len: usize, value: u8) {
    let mut i = 0;
    while i < len {
        *dst.add(i) = value;
        i += 1;
    }
}

unsafe fn sum_raw(src: *const u16, len: usize) -> u32 {
    let mut s = 0;
    for i in 0..len {
        s += *src.add(i) as u32;
    }
    s
}

#[no_mangle]
pub extern "C" fn mix(a: u32, b: u32) -> u32 {
    a.rotate_left(5) ^ b
}

extern "C" fn triple(x: i64) -> i64 {
    x * 3
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let mut buf = [0u8; 12];
    unsafe {
        fill(buf.as_mut_ptr(), 5, b'x');
        fill(buf.as_mut_ptr().add(5), 7, b'y');
    }
    put_bytes(&buf);
    nl();
    let words = [1000u16, 2000, 3000, 65535];
    showu("sum_raw", unsafe { sum_raw(words.as_ptr(), words.len()) } as u64);
    showx("mix", mix(0x1234_5678, 0xffff) as u64, 8);
    show("triple", triple(-14));
    let status = unsafe { inb(COM1 + 5) };
    showb("tx_empty", status & 0x20 != 0);
    unsafe {
        outb(0x70, 0x0a);
    }
    let reg_a = unsafe { inb(0x71) };
    showb("rtc_not_updating", reg_a & 0x80 == 0);
    done()
}
