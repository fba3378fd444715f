// Two-dimensional arrays: a multiplication table, matrix multiplication and transpose,
// row slices passed to functions, a grid walk, nested array literals.
#![no_std]
#![no_main]

const N: usize = 4;

fn row_sum(row: &[i32]) -> i32 {
    let mut s = 0;
    for v in row.iter() {
        s += *v;
    }
    s
}

fn multiply(a: &[[i32; N]; N], b: &[[i32; N]; N]) -> [[i32; N]; N] {
    let mut c = [[0i32; N]; N];
    for i in 0..N {
        for j in 0..N {
            let mut acc = 0;
            for k in 0..N {
                acc += a[i][k] * b[k][j];
            }
            c[i][j] = acc;
        }
    }
    c
}

fn transpose(m: &mut [[i32; N]; N]) {
    for i in 0..N {
        for j in (i + 1)..N {
            let t = m[i][j];
            m[i][j] = m[j][i];
            m[j][i] = t;
        }
    }
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let mut table = [[0u8; 10]; 10];
    for r in 0..10 {
        for c in 0..10 {
            table[r][c] = ((r + 1) * (c + 1)) as u8;
        }
    }
    showu("t[6][8]", table[6][8] as u64);
    let a = [[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12], [13, 14, 15, 16]];
    let b = [[2, 0, 0, 0], [0, -1, 0, 0], [0, 0, 3, 1], [1, 0, 0, 1]];
    let mut c = multiply(&a, &b);
    for row in c.iter() {
        for v in row.iter() {
            put_i64(*v as i64);
            put_byte(b' ');
        }
        put_str("| ");
        put_i64(row_sum(row) as i64);
        nl();
    }
    transpose(&mut c);
    show("c[0][3]", c[0][3] as i64);
    show("row_sum_slice", row_sum(&c[1][1..3]) as i64);
    let mut grid = [[b'.'; 12]; 5];
    let (mut x, mut y) = (0usize, 0usize);
    let mut dx: isize = 1;
    for step in 0..30 {
        grid[y][x] = b'a' + (step % 26) as u8;
        let nx = x as isize + dx;
        if nx < 0 || nx >= 12 {
            dx = -dx;
            y = (y + 1) % 5;
        } else {
            x = nx as usize;
        }
    }
    for row in grid.iter() {
        put_bytes(row);
        nl();
    }
    done()
}
