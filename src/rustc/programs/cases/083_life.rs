// Conway's Game of Life on a 20x10 torus: a glider and a blinker for 12 generations, drawn on
// the screen with '#' and '.', population counted each generation.
#![no_std]
#![no_main]

const W: usize = 20;
const H: usize = 10;

fn step(cur: &[[bool; W]; H], next: &mut [[bool; W]; H]) -> u32 {
    let mut population = 0;
    for y in 0..H {
        for x in 0..W {
            let mut n = 0;
            for dy in 0..3 {
                for dx in 0..3 {
                    if dx == 1 && dy == 1 {
                        continue;
                    }
                    let yy = (y + H + dy - 1) % H;
                    let xx = (x + W + dx - 1) % W;
                    if cur[yy][xx] {
                        n += 1;
                    }
                }
            }
            let alive = match (cur[y][x], n) {
                (true, 2) | (true, 3) => true,
                (false, 3) => true,
                _ => false,
            };
            next[y][x] = alive;
            if alive {
                population += 1;
            }
        }
    }
    population
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let mut a = [[false; W]; H];
    let mut b = [[false; W]; H];
    a[0][1] = true;
    a[1][2] = true;
    a[2][0] = true;
    a[2][1] = true;
    a[2][2] = true;
    a[5][10] = true;
    a[5][11] = true;
    a[5][12] = true;
    put_str("population:");
    for generation in 0..12 {
        let p = if generation % 2 == 0 { step(&a, &mut b) } else { step(&b, &mut a) };
        put_byte(b' ');
        put_u64(p as u64);
    }
    nl();
    for row in a.iter() {
        for &cell in row.iter() {
            put_byte(if cell { b'#' } else { b'.' });
        }
        nl();
    }
    done()
}
