// Labelled `while` loops: breaking out of two levels of `while`, `continue 'outer` from an inner
// `loop`, a search that stops at the first hit, and a while loop whose condition calls a
// function with side effects.
#![no_std]
#![no_main]

static mut TICKS: u32 = 0;

fn tick() -> u32 {
    unsafe {
        TICKS += 1;
        TICKS
    }
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let grid = [[3u8, 7, 1, 9], [4, 4, 8, 2], [6, 0, 5, 5]];
    let mut found = (9usize, 9usize);
    let mut r = 0;
    'rows: while r < grid.len() {
        let mut c = 0;
        while c < grid[r].len() {
            if grid[r][c] == 8 {
                found = (r, c);
                break 'rows;
            }
            c += 1;
        }
        r += 1;
    }
    showu("found_r", found.0 as u64);
    showu("found_c", found.1 as u64);
    let mut kept = 0;
    let mut i = 0;
    'outer: while i < 10 {
        i += 1;
        let mut j = 0;
        loop {
            j += 1;
            if j > i {
                break;
            }
            if (i * j) % 7 == 0 {
                continue 'outer;
            }
        }
        kept += i;
    }
    showu("kept", kept as u64);
    let mut count = 0;
    while tick() < 10 {
        count += 1;
    }
    showu("count", count as u64);
    showu("ticks", unsafe { TICKS } as u64);
    done()
}
