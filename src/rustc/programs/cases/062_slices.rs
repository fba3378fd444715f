// Slices passed to functions: sums and maxima over &[T], in-place reversal and rotation of
// &mut [T], sub-slices with ranges, len and is_empty, slices of arrays of different lengths,
// splitting a slice at an index by hand, as_ptr on slices.
#![no_std]
#![no_main]

fn max_of(values: &[i64]) -> i64 {
    let mut best = i64::MIN;
    for &v in values.iter() {
        if v > best {
            best = v;
        }
    }
    best
}

fn reverse(values: &mut [u8]) {
    if values.is_empty() {
        return;
    }
    let mut i = 0;
    let mut j = values.len() - 1;
    while i < j {
        let t = values[i];
        values[i] = values[j];
        values[j] = t;
        i += 1;
        j -= 1;
    }
}

fn rotate_left(values: &mut [u8], by: usize) {
    let n = values.len();
    reverse(&mut values[..by]);
    reverse(&mut values[by..n]);
    reverse(values);
}

fn count_matching(hay: &[u8], lo: u8, hi: u8) -> usize {
    let mut n = 0;
    for b in hay.iter() {
        if *b >= lo && *b <= hi {
            n += 1;
        }
    }
    n
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let small = [5i64, -2, 9];
    let large = [1i64, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, -12, 100, 13];
    show("max_small", max_of(&small));
    show("max_large", max_of(&large));
    show("max_part", max_of(&large[..12]));
    show("max_empty", max_of(&large[3..3]));
    let mut letters = *b"abcdefghij";
    reverse(&mut letters);
    put_bytes(&letters);
    nl();
    rotate_left(&mut letters, 3);
    put_bytes(&letters);
    nl();
    reverse(&mut letters[2..5]);
    put_bytes(&letters);
    nl();
    let text = b"Slices, 2 of them: 1234!";
    showu("digits", count_matching(text, b'0', b'9') as u64);
    showu("upper", count_matching(&text[..8], b'A', b'Z') as u64);
    let (left, right) = (&text[..6], &text[6..]);
    showu("left", left.len() as u64);
    showu("right", right.len() as u64);
    let p = large.as_ptr();
    showb("ptr_same", p == large[..].as_ptr());
    done()
}
