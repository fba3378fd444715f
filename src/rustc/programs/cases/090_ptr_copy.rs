// core::ptr::copy (overlapping moves, both directions), write_bytes, copy_nonoverlapping of
// structs, read/write of unaligned-free u64 words through cast pointers, and wrapping_add.
#![no_std]
#![no_main]

use core::ptr;

#[derive(Clone, Copy)]
struct Rec {
    id: u32,
    tag: [u8; 4],
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let mut buf = *b"0123456789abcdef";
    unsafe {
        ptr::copy(buf.as_ptr(), buf.as_mut_ptr().add(4), 8);
    }
    put_bytes(&buf);
    nl();
    let mut buf2 = *b"0123456789abcdef";
    unsafe {
        ptr::copy(buf2.as_ptr().add(6), buf2.as_mut_ptr().add(2), 10);
    }
    put_bytes(&buf2);
    nl();
    unsafe {
        ptr::write_bytes(buf2.as_mut_ptr().add(12), b'-', 4);
    }
    put_bytes(&buf2);
    nl();
    let src = [Rec { id: 1, tag: *b"one " }, Rec { id: 2, tag: *b"two " }, Rec { id: 3, tag: *b"six " }];
    let mut dst = [Rec { id: 0, tag: [0; 4] }; 3];
    unsafe {
        ptr::copy_nonoverlapping(src.as_ptr(), dst.as_mut_ptr(), 3);
    }
    for r in dst.iter() {
        put_u64(r.id as u64);
        put_bytes(&r.tag);
    }
    nl();
    let mut words = [0u64; 4];
    let bytes = words.as_mut_ptr() as *mut u8;
    unsafe {
        for i in 0..32 {
            *bytes.add(i) = i as u8;
        }
    }
    showx("w1", words[1], 16);
    let p = words.as_ptr();
    let q = p.wrapping_add(3);
    showx("w3", unsafe { *q }, 16);
    done()
}
