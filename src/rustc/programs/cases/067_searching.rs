// Searching: binary search over a sorted slice (found and not found, lower bound), linear
// search for a byte pattern, two-pointer pair sum, and searching a 2-D grid.
#![no_std]
#![no_main]

fn binary_search(a: &[u32], target: u32) -> isize {
    let mut lo = 0usize;
    let mut hi = a.len();
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if a[mid] == target {
            return mid as isize;
        } else if a[mid] < target {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    -1 - lo as isize
}

fn find_pattern(hay: &[u8], needle: &[u8]) -> usize {
    if needle.len() > hay.len() {
        return hay.len();
    }
    let mut i = 0;
    while i + needle.len() <= hay.len() {
        let mut j = 0;
        while j < needle.len() && hay[i + j] == needle[j] {
            j += 1;
        }
        if j == needle.len() {
            return i;
        }
        i += 1;
    }
    hay.len()
}

fn pair_with_sum(a: &[u32], sum: u32) -> (usize, usize) {
    let mut i = 0;
    let mut j = a.len() - 1;
    while i < j {
        let s = a[i] + a[j];
        if s == sum {
            return (i, j);
        }
        if s < sum {
            i += 1;
        } else {
            j -= 1;
        }
    }
    (0, 0)
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let mut sorted = [0u32; 50];
    for (i, v) in sorted.iter_mut().enumerate() {
        *v = (i as u32) * 3 + 1;
    }
    show("find_1", binary_search(&sorted, 1) as i64);
    show("find_148", binary_search(&sorted, 148) as i64);
    show("find_76", binary_search(&sorted, 76) as i64);
    show("missing_77", binary_search(&sorted, 77) as i64);
    show("missing_0", binary_search(&sorted, 0) as i64);
    show("missing_999", binary_search(&sorted, 999) as i64);
    let text = b"the cat sat on the mat with a hat";
    showu("at_sat", find_pattern(text, b"sat") as u64);
    showu("at_hat", find_pattern(text, b"hat") as u64);
    showu("at_dog", find_pattern(text, b"dog") as u64);
    showu("at_empty", find_pattern(text, b"") as u64);
    let (i, j) = pair_with_sum(&sorted, 101);
    showu("pair_i", i as u64);
    showu("pair_j", j as u64);
    let grid = [[3u8, 8, 1], [9, 4, 7], [2, 6, 5]];
    let mut best = (0usize, 0usize);
    for r in 0..3 {
        for c in 0..3 {
            if grid[r][c] > grid[best.0][best.1] {
                best = (r, c);
            }
        }
    }
    showu("best_r", best.0 as u64);
    showu("best_c", best.1 as u64);
    done()
}
