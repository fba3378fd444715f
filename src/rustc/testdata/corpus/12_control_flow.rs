fn loops(n: u32) -> u32 {
    let mut total = 0;
    'outer: for i in 0..n {
        let mut j = 0;
        while j < i {
            if j == 5 {
                continue 'outer;
            }
            if total > 1000 {
                break 'outer;
            }
            total += j;
            j += 1;
        }
    }
    let found = loop {
        total -= 1;
        if total % 7 == 0 {
            break total;
        }
    };
    let v = 'block: {
        if found > 3 {
            break 'block 1;
        }
        2
    };
    for _ in (0..10).rev().step_by(2) {}
    for k in 0..=3 {
        total += k;
    }
    found + v
}

fn early(x: Option<u32>) -> Option<u32> {
    let y = x?;
    if y == 0 {
        return None;
    }
    Some(y - 1)
}
