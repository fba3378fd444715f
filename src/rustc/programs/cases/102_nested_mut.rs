// Nested mutation: iter_mut over rows and then over cells, &mut to struct fields passed to
// functions, offset(-1) walking a pointer backwards, swapping array elements through indices
// computed from other arrays.
#![no_std]
#![no_main]

struct Stats {
    hits: u32,
    misses: u32,
}

fn bump(counter: &mut u32, by: u32) {
    *counter += by;
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let mut grid = [[0u16; 5]; 4];
    for (r, row) in grid.iter_mut().enumerate() {
        for (c, cell) in row.iter_mut().enumerate() {
            *cell = (r * 10 + c) as u16;
        }
    }
    for row in grid.iter_mut() {
        for cell in row.iter_mut() {
            if *cell % 2 == 1 {
                *cell *= 100;
            }
        }
    }
    for row in grid.iter() {
        for cell in row.iter() {
            put_u64(*cell as u64);
            put_byte(b' ');
        }
        nl();
    }
    let mut s = Stats { hits: 0, misses: 0 };
    for i in 0..20 {
        if i % 3 == 0 {
            bump(&mut s.hits, 2);
        } else {
            bump(&mut s.misses, 1);
        }
    }
    showu("hits", s.hits as u64);
    showu("misses", s.misses as u64);
    let data = [1u8, 2, 3, 4, 5, 6];
    let mut p = unsafe { data.as_ptr().add(data.len()) };
    put_str("backwards:");
    for _ in 0..data.len() {
        unsafe {
            p = p.offset(-1);
            put_byte(b' ');
            put_u64(*p as u64);
        }
    }
    nl();
    let mut perm = [0usize, 1, 2, 3, 4, 5];
    let swaps = [(0usize, 5usize), (1, 3), (2, 4), (0, 1)];
    for &(i, j) in swaps.iter() {
        let t = perm[i];
        perm[i] = perm[j];
        perm[j] = t;
    }
    put_str("perm:");
    for v in perm.iter() {
        put_byte(b' ');
        put_u64(*v as u64);
    }
    nl();
    done()
}
