// A hex dump of memory: the bytes of a static table and of a struct read through a *const u8,
// sixteen per line with an ASCII column, like `xxd`.
#![no_std]
#![no_main]

static TABLE: [u8; 40] = *b"Bootlab hex dump: \x00\x01\x02\x7f\x80\xfe\xffABCDEFGHIJKLMNO";

#[allow(dead_code)]
#[repr(C)]
struct Header {
    magic: u32,
    version: u16,
    flags: u16,
    size: u64,
}

fn dump(base: *const u8, len: usize) {
    let mut offset = 0;
    while offset < len {
        put_hex(offset as u64, 4);
        put_str(": ");
        let mut i = 0;
        while i < 16 {
            if offset + i < len {
                let b = unsafe { base.add(offset + i).read() };
                put_hex(b as u64, 2);
                put_byte(b' ');
            } else {
                put_str("     ");
            }
            i += 1;
        }
        put_byte(b'|');
        i = 0;
        while i < 16 && offset + i < len {
            let b = unsafe { *base.add(offset + i) };
            put_byte(if b >= 0x20 && b < 0x7f { b } else { b'.' });
            i += 1;
        }
        put_byte(b'|');
        nl();
        offset += 16;
    }
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    dump(TABLE.as_ptr(), TABLE.len());
    let h = Header { magic: 0x464c_457f, version: 2, flags: 0x8001, size: 0x0123_4567_89ab_cdef };
    dump(&h as *const Header as *const u8, core::mem::size_of::<Header>());
    done()
}
