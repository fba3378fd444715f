// Indexing a slice past its length panics in both builds; the slice comes from a function.
#![no_std]
#![no_main]

use core::hint::black_box;

#[no_mangle]
pub extern "C" fn _start() -> ! {
    put_str("before");
    nl();
    let data = [1u8, 2, 3, 4, 5, 6, 7, 8];
    let part = pick(&data, black_box(5));
    showu("len", part.len() as u64);
    showu("last", part[part.len() - 1] as u64);
    showu("beyond", part[black_box(part.len())] as u64);
    put_str("after");
    nl();
    done()
}

fn pick(data: &[u8], n: usize) -> &[u8] {
    &data[..n]
}
