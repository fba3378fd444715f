// Merge sort on &mut [u32] with a scratch buffer: recursion over split slices, copying runs
// back with a loop and with copy_from-like pointer copies, then a stability check on pairs
// sorted by key with insertion of equal keys kept in order.
#![no_std]
#![no_main]

fn merge_sort(a: &mut [u32], tmp: &mut [u32]) {
    let n = a.len();
    if n < 2 {
        return;
    }
    let mid = n / 2;
    merge_sort(&mut a[..mid], tmp);
    merge_sort(&mut a[mid..], tmp);
    let (mut i, mut j, mut k) = (0, mid, 0);
    while i < mid && j < n {
        if a[i] <= a[j] {
            tmp[k] = a[i];
            i += 1;
        } else {
            tmp[k] = a[j];
            j += 1;
        }
        k += 1;
    }
    while i < mid {
        tmp[k] = a[i];
        i += 1;
        k += 1;
    }
    while j < n {
        tmp[k] = a[j];
        j += 1;
        k += 1;
    }
    unsafe {
        core::ptr::copy_nonoverlapping(tmp.as_ptr(), a.as_mut_ptr(), n);
    }
}

#[derive(Clone, Copy)]
struct Pair {
    key: u8,
    order: u8,
}

fn stable_sort(p: &mut [Pair]) {
    for i in 1..p.len() {
        let cur = p[i];
        let mut j = i;
        while j > 0 && p[j - 1].key > cur.key {
            p[j] = p[j - 1];
            j -= 1;
        }
        p[j] = cur;
    }
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let mut data = [0u32; 100];
    let mut x: u32 = 7;
    for v in data.iter_mut() {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        *v = x % 10_000;
    }
    let mut tmp = [0u32; 100];
    merge_sort(&mut data, &mut tmp);
    let mut ok = true;
    for i in 1..data.len() {
        if data[i - 1] > data[i] {
            ok = false;
        }
    }
    showb("sorted", ok);
    showu("min", data[0] as u64);
    showu("median", data[50] as u64);
    showu("max", data[99] as u64);
    let mut pairs = [Pair { key: 0, order: 0 }; 12];
    for (i, p) in pairs.iter_mut().enumerate() {
        p.key = (i * 7 % 4) as u8;
        p.order = i as u8;
    }
    stable_sort(&mut pairs);
    put_str("pairs:");
    for p in pairs.iter() {
        put_byte(b' ');
        put_u64(p.key as u64);
        put_byte(b'/');
        put_u64(p.order as u64);
    }
    nl();
    done()
}
