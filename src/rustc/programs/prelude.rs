// ---- prelude: src/rustc/programs/prelude.rs, appended to the program by the test harness ----
// The same text goes to rustc and to Bootlab. Output goes to COM1 and to the VGA text buffer
// (with wrapping and scrolling); `exit` writes to the isa-debug-exit port 0xf4. The panic
// handler does not look at its argument: real core's PanicInfo and ours differ.
// It is written in the plainest form of the subset on purpose, so that a program's own
// features are what a failure points at.

extern "C" {
    fn outb(port: u16, value: u8);
    fn inb(port: u16) -> u8;
}

const COM1: u16 = 0x3f8;
const VGA_ADDR: usize = 0xb8000;
const VGA_COLS: usize = 80;
const VGA_ROWS: usize = 25;
/// Exit codes: a program that ends normally, and one that panicked.
const EXIT_DONE: u8 = 0x10;
const EXIT_PANIC: u8 = 0x21;

static mut VGA_ROW: usize = 0;
static mut VGA_COL: usize = 0;
static mut VGA_COLOR: u8 = 0x07;

#[allow(dead_code)]
fn serial_byte(b: u8) {
    unsafe {
        while inb(COM1 + 5) & 0x20 == 0 {}
        outb(COM1, b);
    }
}

#[allow(dead_code)]
fn vga_scroll() {
    let cells = VGA_ADDR as *mut u16;
    let mut i: usize = 0;
    while i < (VGA_ROWS - 1) * VGA_COLS {
        unsafe {
            let below = cells.add(i + VGA_COLS).read_volatile();
            cells.add(i).write_volatile(below);
        }
        i += 1;
    }
    while i < VGA_ROWS * VGA_COLS {
        unsafe {
            cells.add(i).write_volatile(0x0720);
        }
        i += 1;
    }
}

#[allow(dead_code)]
fn vga_newline() {
    unsafe {
        VGA_COL = 0;
        if VGA_ROW + 1 < VGA_ROWS {
            VGA_ROW += 1;
        } else {
            vga_scroll();
        }
    }
}

#[allow(dead_code)]
fn vga_byte(b: u8) {
    if b == b'\n' {
        vga_newline();
        return;
    }
    unsafe {
        if VGA_COL == VGA_COLS {
            vga_newline();
        }
        let cell = (VGA_ADDR as *mut u8).add((VGA_ROW * VGA_COLS + VGA_COL) * 2);
        cell.write_volatile(b);
        cell.add(1).write_volatile(VGA_COLOR);
        VGA_COL += 1;
    }
}

#[allow(dead_code)]
fn set_color(color: u8) {
    unsafe {
        VGA_COLOR = color;
    }
}

#[allow(dead_code)]
fn put_byte(b: u8) {
    serial_byte(b);
    vga_byte(b);
}

#[allow(dead_code)]
fn put_str(s: &str) {
    for b in s.bytes() {
        put_byte(b);
    }
}

#[allow(dead_code)]
fn put_bytes(s: &[u8]) {
    let mut i: usize = 0;
    while i < s.len() {
        put_byte(s[i]);
        i += 1;
    }
}

#[allow(dead_code)]
fn nl() {
    put_byte(b'\n');
}

#[allow(dead_code)]
fn put_u64(n: u64) {
    let mut digits = [0u8; 20];
    let mut count: usize = 0;
    let mut rest = n;
    loop {
        digits[count] = b'0' + (rest % 10) as u8;
        count += 1;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    while count > 0 {
        count -= 1;
        put_byte(digits[count]);
    }
}

#[allow(dead_code)]
fn put_i64(n: i64) {
    if n < 0 {
        put_byte(b'-');
        put_u64((n as u64).wrapping_neg());
    } else {
        put_u64(n as u64);
    }
}

#[allow(dead_code)]
fn put_u128(n: u128) {
    let mut digits = [0u8; 40];
    let mut count: usize = 0;
    let mut rest = n;
    loop {
        digits[count] = b'0' + (rest % 10) as u8;
        count += 1;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    while count > 0 {
        count -= 1;
        put_byte(digits[count]);
    }
}

#[allow(dead_code)]
fn put_i128(n: i128) {
    if n < 0 {
        put_byte(b'-');
        put_u128((n as u128).wrapping_neg());
    } else {
        put_u128(n as u128);
    }
}

/// `digits` hexadecimal digits of `n` (the low ones), after `0x`.
#[allow(dead_code)]
fn put_hex(n: u64, digits: u32) {
    put_str("0x");
    let mut shift = digits * 4;
    while shift > 0 {
        shift -= 4;
        let d = ((n >> shift) & 0xf) as u8;
        if d < 10 {
            put_byte(b'0' + d);
        } else {
            put_byte(b'a' + d - 10);
        }
    }
}

#[allow(dead_code)]
fn put_bool(b: bool) {
    if b {
        put_str("true");
    } else {
        put_str("false");
    }
}

/// `label=value` and a newline.
#[allow(dead_code)]
fn show(label: &str, value: i64) {
    put_str(label);
    put_byte(b'=');
    put_i64(value);
    nl();
}

#[allow(dead_code)]
fn showu(label: &str, value: u64) {
    put_str(label);
    put_byte(b'=');
    put_u64(value);
    nl();
}

#[allow(dead_code)]
fn showb(label: &str, value: bool) {
    put_str(label);
    put_byte(b'=');
    put_bool(value);
    nl();
}

#[allow(dead_code)]
fn showx(label: &str, value: u64, digits: u32) {
    put_str(label);
    put_byte(b'=');
    put_hex(value, digits);
    nl();
}

#[allow(dead_code)]
fn exit(code: u8) -> ! {
    unsafe {
        outb(0xf4, code);
    }
    loop {}
}

/// The normal end of a program.
#[allow(dead_code)]
fn done() -> ! {
    put_str("done");
    nl();
    exit(EXIT_DONE)
}

#[panic_handler]
fn panic(_info: &core::panic::PanicInfo) -> ! {
    set_color(0x4f);
    put_str("PANIC");
    nl();
    exit(EXIT_PANIC)
}
