// Loops: `loop` with a break value, `while`, labelled break and continue out of nested loops,
// early `return` from inside loops, a loop whose break value is a bool.
#![no_std]
#![no_main]

fn first_square_above(limit: u32) -> u32 {
    let mut n: u32 = 0;
    let square = loop {
        n += 1;
        if n * n > limit {
            break n * n;
        }
    };
    square
}

fn find_pair(target: u32) -> (u32, u32) {
    let mut a = 1;
    while a < 50 {
        let mut b = a;
        while b < 50 {
            if a * a + b * b == target {
                return (a, b);
            }
            b += 1;
        }
        a += 1;
    }
    (0, 0)
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    showu("square", first_square_above(1000) as u64);
    let (a, b) = find_pair(625);
    showu("a", a as u64);
    showu("b", b as u64);

    let mut found = 0;
    'outer: for i in 1..20u32 {
        for j in 1..20u32 {
            if j > i {
                continue 'outer;
            }
            if i * j == 96 {
                found = i * 100 + j;
                break 'outer;
            }
        }
    }
    showu("found", found as u64);

    let mut skipped = 0;
    let mut kept = 0;
    'rows: for row in 0..10 {
        let mut col = 0;
        while col < 10 {
            col += 1;
            if (row + col) % 3 == 0 {
                skipped += 1;
                continue;
            }
            if col > row {
                continue 'rows;
            }
            kept += 1;
        }
    }
    show("skipped", skipped);
    show("kept", kept);

    let mut seen = 0;
    let over = loop {
        seen += 1;
        if seen * found > 5000 {
            break seen > 4;
        }
    };
    showb("over", over);

    let mut countdown = 10;
    let mut trace: u64 = 0;
    while countdown > 0 {
        countdown -= 1;
        if countdown % 2 == 0 {
            continue;
        }
        trace = trace * 10 + countdown;
    }
    showu("trace", trace);
    done()
}
