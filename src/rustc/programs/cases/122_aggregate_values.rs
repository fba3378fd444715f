// Aggregates as expression values: `break` with a struct, `if`/`else` yielding arrays, `match`
// yielding tuples, blocks ending in a struct literal, early `return` of an aggregate from
// nested loops.
#![no_std]
#![no_main]

#[derive(Clone, Copy)]
struct Hit {
    row: usize,
    col: usize,
    value: u16,
}

fn find(grid: &[[u16; 4]; 3], target: u16) -> Hit {
    for r in 0..3 {
        for c in 0..4 {
            if grid[r][c] == target {
                return Hit { row: r, col: c, value: grid[r][c] };
            }
        }
    }
    Hit { row: 99, col: 99, value: 0 }
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let grid = [[1u16, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]];
    let mut n = 0u16;
    let first_big = loop {
        n += 1;
        let h = find(&grid, n);
        if h.row == 2 {
            break h;
        }
    };
    showu("big_col", first_big.col as u64);
    showu("big_value", first_big.value as u64);
    let miss = find(&grid, 77);
    showu("miss", miss.row as u64);
    let pick = if n % 2 == 0 { [n, n * 2, n * 3] } else { [0, 1, n] };
    showu("pick", (pick[0] + pick[1] + pick[2]) as u64);
    let (name, code) = match pick[2] {
        0..=9 => ("small", 1u8),
        10..=99 => ("medium", 2),
        _ => ("large", 3),
    };
    put_str(name);
    nl();
    showu("code", code as u64);
    let made = {
        let base = find(&grid, 6);
        Hit { value: base.value * 100, ..base }
    };
    showu("made", (made.row * 1000 + made.col * 100) as u64 + made.value as u64);
    done()
}
