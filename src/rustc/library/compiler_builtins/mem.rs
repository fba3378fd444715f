//! The C memory functions, exported under their C names for the code generator (aggregate
//! copies, `ptr::copy_nonoverlapping`, `ptr::write_bytes`) and for the learner's code.
//! The loops are written with plain loads and stores, which the compiler never turns into calls
//! of these very functions. Aligned blocks move eight bytes at a time.

/// Whether the addresses and the count are all multiples of 8.
fn aligned8(a: usize, b: usize, n: usize) -> bool {
    ((a | b | n) & 7) == 0
}

#[no_mangle]
pub unsafe extern "C" fn memcpy(dest: *mut u8, src: *const u8, n: usize) -> *mut u8 {
    let mut i: usize = 0;
    if aligned8(dest as usize, src as usize, n) {
        while i < n {
            *(dest.add(i) as *mut u64) = *(src.add(i) as *const u64);
            i += 8;
        }
    } else {
        while i < n {
            *dest.add(i) = *src.add(i);
            i += 1;
        }
    }
    dest
}

/// Overlapping regions are copied in the direction that reads each byte before overwriting it.
#[no_mangle]
pub unsafe extern "C" fn memmove(dest: *mut u8, src: *const u8, n: usize) -> *mut u8 {
    if (dest as usize) <= (src as usize) {
        let mut i: usize = 0;
        while i < n {
            *dest.add(i) = *src.add(i);
            i += 1;
        }
    } else {
        let mut i = n;
        while i > 0 {
            i -= 1;
            *dest.add(i) = *src.add(i);
        }
    }
    dest
}

#[no_mangle]
pub unsafe extern "C" fn memset(s: *mut u8, c: i32, n: usize) -> *mut u8 {
    let byte = c as u8;
    let mut i: usize = 0;
    if aligned8(s as usize, 0, n) {
        let word = (byte as u64).wrapping_mul(0x0101010101010101);
        while i < n {
            *(s.add(i) as *mut u64) = word;
            i += 8;
        }
    } else {
        while i < n {
            *s.add(i) = byte;
            i += 1;
        }
    }
    s
}

/// The difference of the first differing bytes (as unsigned), or 0.
#[no_mangle]
pub unsafe extern "C" fn memcmp(a: *const u8, b: *const u8, n: usize) -> i32 {
    let mut i: usize = 0;
    while i < n {
        let x = *a.add(i);
        let y = *b.add(i);
        if x != y {
            return (x as i32) - (y as i32);
        }
        i += 1;
    }
    0
}

/// Like `memcmp`, but only zero versus non-zero is meaningful.
#[no_mangle]
pub unsafe extern "C" fn bcmp(a: *const u8, b: *const u8, n: usize) -> i32 {
    memcmp(a, b, n)
}
