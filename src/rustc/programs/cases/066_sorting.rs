// Sorting: bubble, insertion and selection sort of [u32; N] and [i16; N], a recursive quicksort
// on &mut [i32], checks that each result is sorted, and a checksum of the order.
#![no_std]
#![no_main]

fn bubble(a: &mut [u32]) -> u32 {
    let mut swaps = 0;
    let n = a.len();
    for i in 0..n {
        let mut swapped = false;
        for j in 0..n - 1 - i {
            if a[j] > a[j + 1] {
                let t = a[j];
                a[j] = a[j + 1];
                a[j + 1] = t;
                swaps += 1;
                swapped = true;
            }
        }
        if !swapped {
            break;
        }
    }
    swaps
}

fn insertion(a: &mut [i16]) {
    for i in 1..a.len() {
        let key = a[i];
        let mut j = i;
        while j > 0 && a[j - 1] > key {
            a[j] = a[j - 1];
            j -= 1;
        }
        a[j] = key;
    }
}

fn selection(a: &mut [u8]) {
    let n = a.len();
    for i in 0..n {
        let mut min = i;
        for j in (i + 1)..n {
            if a[j] < a[min] {
                min = j;
            }
        }
        if min != i {
            let t = a[i];
            a[i] = a[min];
            a[min] = t;
        }
    }
}

fn quicksort(a: &mut [i32]) {
    if a.len() <= 1 {
        return;
    }
    let pivot = a[(a.len() - 1) / 2];
    let mut i = 0;
    let mut j = a.len() - 1;
    loop {
        while a[i] < pivot {
            i += 1;
        }
        while a[j] > pivot {
            j -= 1;
        }
        if i >= j {
            break;
        }
        let t = a[i];
        a[i] = a[j];
        a[j] = t;
        i += 1;
        j -= 1;
    }
    let (left_end, right_start) = (j + 1, j + 1);
    quicksort(&mut a[..left_end]);
    quicksort(&mut a[right_start..]);
}

fn sorted_i32(a: &[i32]) -> bool {
    let mut i = 1;
    while i < a.len() {
        if a[i - 1] > a[i] {
            return false;
        }
        i += 1;
    }
    true
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let mut seed: u32 = 12345;
    let mut big = [0u32; 40];
    for v in big.iter_mut() {
        seed = seed.wrapping_mul(1103515245).wrapping_add(12345);
        *v = (seed >> 16) % 1000;
    }
    showu("bubble_swaps", bubble(&mut big) as u64);
    put_str("first:");
    for v in big[..8].iter() {
        put_byte(b' ');
        put_u64(*v as u64);
    }
    nl();
    let mut shorts = [5i16, -3, 200, -32768, 32767, 0, 7, -3];
    insertion(&mut shorts);
    put_str("shorts:");
    for v in shorts.iter() {
        put_byte(b' ');
        put_i64(*v as i64);
    }
    nl();
    let mut word = *b"selectionsort";
    selection(&mut word);
    put_bytes(&word);
    nl();
    let mut q = [0i32; 64];
    for (i, v) in q.iter_mut().enumerate() {
        seed = seed.wrapping_mul(22695477).wrapping_add(1);
        *v = (seed >> 8) as i32 % 5000 - 2500 + i as i32;
    }
    quicksort(&mut q);
    showb("quick_sorted", sorted_i32(&q));
    show("q_min", q[0] as i64);
    show("q_max", q[63] as i64);
    let mut check: u32 = 0;
    for v in q.iter() {
        check = check.rotate_left(5) ^ (*v as u32);
    }
    showx("check", check as u64, 8);
    done()
}
