// Raw pointers: casts from integers and references, offset/add/sub, read and write, volatile
// access to the VGA buffer, copy_nonoverlapping, null and is_null, pointer comparison and
// differences through usize, pointers to structs and their fields.
#![no_std]
#![no_main]

use core::ptr;

#[derive(Clone, Copy)]
struct Pair {
    a: u32,
    b: u16,
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let mut data = [10u32, 20, 30, 40, 50];
    let p = data.as_mut_ptr();
    unsafe {
        *p.add(1) += 5;
        p.offset(3).write(p.offset(3).read() * 2);
        let end = p.add(4);
        *end.sub(2) = 33;
        showu("via_sub", end.sub(4).read() as u64);
    }
    put_str("data:");
    for v in data.iter() {
        put_byte(b' ');
        put_u64(*v as u64);
    }
    nl();

    let vga = 0xb8000 as *mut u16;
    unsafe {
        vga.add(79).write_volatile(0x2f00 | b'!' as u16);
        let back = vga.add(79).read_volatile();
        showx("vga_cell", back as u64, 4);
    }

    let src = *b"copied bytes";
    let mut dst = [b'.'; 16];
    unsafe {
        ptr::copy_nonoverlapping(src.as_ptr(), dst.as_mut_ptr().add(2), src.len());
    }
    put_bytes(&dst);
    nl();

    let nothing: *const u8 = ptr::null();
    let something = &data[0] as *const u32;
    showb("null", nothing.is_null());
    showb("not_null", something.is_null());
    let first = &data[0] as *const u32 as usize;
    let third = &data[2] as *const u32 as usize;
    showu("distance", (third - first) as u64);
    showb("ordered", (&data[1] as *const u32) < (&data[2] as *const u32));

    let mut pair = Pair { a: 7, b: 9 };
    let pp = &mut pair as *mut Pair;
    unsafe {
        (*pp).a = 70;
        let pb = &mut (*pp).b as *mut u16;
        *pb += 1;
    }
    showu("pair", (pair.a + pair.b as u32) as u64);

    let words = [0x1122_3344u32, 0x5566_7788];
    let bytes = words.as_ptr() as *const u8;
    put_str("bytes:");
    for i in 0..8 {
        put_byte(b' ');
        put_hex(unsafe { *bytes.add(i) } as u64, 2);
    }
    nl();
    let mut_null: *mut u32 = ptr::null_mut();
    showb("mut_null", mut_null.is_null());
    let volatile_local = &mut data[4] as *mut u32;
    unsafe {
        ptr::write_volatile(volatile_local, 555);
        showu("volatile_local", ptr::read_volatile(volatile_local) as u64);
    }
    done()
}
