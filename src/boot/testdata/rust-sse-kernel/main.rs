// A kernel built by the host's rustc with its default target features (SSE2 on, as for any
// x86_64 Rust code): struct copies and array loops that rustc vectorises, f64/f32 arithmetic,
// and core::fmt printing floats (libcore's float formatting is SSE2 code). Prints its results
// in light grey, one per line, and halts.
#![no_std]
#![no_main]

use core::fmt::Write;
use core::panic::PanicInfo;

#[panic_handler]
fn panic(_info: &PanicInfo) -> ! {
    loop {}
}

struct Screen {
    row: usize,
    col: usize,
}

impl Write for Screen {
    fn write_str(&mut self, s: &str) -> core::fmt::Result {
        for b in s.bytes() {
            if b == b'\n' {
                self.row += 1;
                self.col = 0;
                continue;
            }
            let cell = (0xb8000 + (self.row * 80 + self.col) * 2) as *mut u16;
            unsafe { core::ptr::write_volatile(cell, 0x0700 | b as u16) };
            self.col += 1;
        }
        Ok(())
    }
}

// The memory functions the compiler and libcore call (no libc here); byte loops through
// volatile accesses, so that they are not turned back into calls to themselves.
#[no_mangle]
pub unsafe extern "C" fn memset(d: *mut u8, c: i32, n: usize) -> *mut u8 {
    for i in 0..n {
        core::ptr::write_volatile(d.add(i), c as u8);
    }
    d
}

#[no_mangle]
pub unsafe extern "C" fn memcpy(d: *mut u8, s: *const u8, n: usize) -> *mut u8 {
    for i in 0..n {
        core::ptr::write_volatile(d.add(i), core::ptr::read_volatile(s.add(i)));
    }
    d
}

#[no_mangle]
pub unsafe extern "C" fn memmove(d: *mut u8, s: *const u8, n: usize) -> *mut u8 {
    if (d as usize) < (s as usize) {
        return memcpy(d, s, n);
    }
    for i in (0..n).rev() {
        core::ptr::write_volatile(d.add(i), core::ptr::read_volatile(s.add(i)));
    }
    d
}

#[no_mangle]
pub unsafe extern "C" fn memcmp(a: *const u8, b: *const u8, n: usize) -> i32 {
    for i in 0..n {
        let (x, y) = (core::ptr::read_volatile(a.add(i)), core::ptr::read_volatile(b.add(i)));
        if x != y {
            return x as i32 - y as i32;
        }
    }
    0
}

#[no_mangle]
pub unsafe extern "C" fn bcmp(a: *const u8, b: *const u8, n: usize) -> i32 {
    memcmp(a, b, n)
}

#[derive(Clone, Copy)]
struct Particle {
    pos: [f64; 3],
    vel: [f64; 3],
    tag: [u8; 16],
}

static mut NUMBERS: [u32; 512] = [0; 512];

#[inline(never)]
fn step(ps: &mut [Particle; 8], dt: f64) -> f64 {
    let mut energy = 0.0;
    for p in ps.iter_mut() {
        for k in 0..3 {
            p.pos[k] += p.vel[k] * dt;
            p.vel[k] *= 0.99;
            energy += p.vel[k] * p.vel[k] / 2.0;
        }
    }
    energy
}

#[inline(never)]
fn checksum(a: &[u32]) -> u64 {
    a.iter().fold(0u64, |s, &x| s.wrapping_mul(31).wrapping_add(x as u64))
}

#[inline(never)]
fn count(bytes: &[u8], c: u8) -> usize {
    bytes.iter().filter(|&&b| b == c).count()
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let mut s = Screen { row: 0, col: 0 };
    let _ = writeln!(s, "Rust with SSE");
    let mut ps = [Particle { pos: [0.0; 3], vel: [1.0, -2.0, 0.5], tag: *b"particle-0000000" }; 8];
    for (i, p) in ps.iter_mut().enumerate() {
        p.vel[0] += i as f64 * 0.25;
        p.tag[15] = b'0' + i as u8;
    }
    let mut e = 0.0;
    for _ in 0..100 {
        e = step(&mut ps, 0.01);
    }
    let copy = ps[5];
    let _ = writeln!(s, "energy {:.6} pos {:.4} {}", e, copy.pos[0], copy.tag[15] as char);
    let numbers = unsafe { &mut *core::ptr::addr_of_mut!(NUMBERS) };
    for (i, n) in numbers.iter_mut().enumerate() {
        *n = (i as u32).wrapping_mul(2654435761) >> 7;
    }
    let mut m = [0u32; 512];
    for i in 0..512 {
        m[i] = numbers[i] ^ (numbers[511 - i] << 3);
    }
    let _ = writeln!(s, "checksum {:x} max {}", checksum(&m), m.iter().max().unwrap());
    let text = b"the quick brown fox jumps over the lazy dog";
    let _ = writeln!(s, "spaces {} o {}", count(text, b' '), count(text, b'o'));
    let x = 1.0f32 / 3.0;
    let y = (x as f64) * 3.0;
    let _ = writeln!(s, "third {} {} {:e}", x, y, 6.02214076e23f64);
    let _ = writeln!(s, "ints {} {} {}", (1e10f64) as i32, (-2.5f64) as i64, (u64::MAX as f64) as u64);
    let _ = writeln!(s, "done");
    loop {
        unsafe { core::arch::asm!("cli", "hlt") };
    }
}
