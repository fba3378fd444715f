// A struct-method-heavy loop: particles with position and velocity in an array of structs,
// moved by small methods (`&mut self`, `&self`), bounced off the walls, and summed.
#![no_std]
#![no_main]
use core::panic::PanicInfo;

extern "C" {
    fn bench_rounds() -> u32;
    fn bench_exit(result: u64) -> !;
}

#[panic_handler]
fn panic(_info: &PanicInfo) -> ! {
    loop {}
}

#[derive(Clone, Copy)]
struct Particle {
    x: i32,
    y: i32,
    dx: i32,
    dy: i32,
}

const W: i32 = 640;
const H: i32 = 480;
const COUNT: usize = 32;

impl Particle {
    fn new(k: i32) -> Particle {
        Particle { x: (k * 37) % W, y: (k * 53) % H, dx: k % 7 - 3, dy: k % 5 - 2 }
    }
    fn step(&mut self) {
        self.x += self.dx;
        self.y += self.dy;
        if self.x < 0 || self.x >= W {
            self.dx = -self.dx;
            self.x += 2 * self.dx;
        }
        if self.y < 0 || self.y >= H {
            self.dy = -self.dy;
            self.y += 2 * self.dy;
        }
    }
    fn energy(&self) -> u64 {
        (self.dx * self.dx + self.dy * self.dy) as u64 + (self.x as u64) * 3 + self.y as u64
    }
}

fn simulate(seed: i32) -> u64 {
    let mut ps = [Particle { x: 0, y: 0, dx: 0, dy: 0 }; COUNT];
    for k in 0..COUNT {
        ps[k] = Particle::new(k as i32 + seed);
    }
    let mut total: u64 = 0;
    for _ in 0..40 {
        for k in 0..COUNT {
            ps[k].step();
        }
        for p in ps.iter() {
            total = total.wrapping_add(p.energy());
        }
    }
    total
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let rounds = unsafe { bench_rounds() };
    let mut result: u64 = 0;
    for r in 0..rounds {
        result = result.wrapping_mul(31).wrapping_add(simulate(r as i32 % 100));
    }
    unsafe { bench_exit(result) }
}
