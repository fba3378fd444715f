// Checksums over byte strings: CRC-32 (bitwise, reflected, 0xEDB88320) and with a table built
// at run time, Adler-32, Fletcher-16, a djb2 hash and an XOR parity byte.
#![no_std]
#![no_main]

fn crc32_bitwise(data: &[u8]) -> u32 {
    let mut crc = 0xffff_ffffu32;
    for &b in data.iter() {
        crc ^= b as u32;
        for _ in 0..8 {
            let mask = (crc & 1).wrapping_neg();
            crc = (crc >> 1) ^ (0xedb8_8320 & mask);
        }
    }
    !crc
}

fn make_table(table: &mut [u32; 256]) {
    for i in 0..256 {
        let mut c = i as u32;
        for _ in 0..8 {
            c = if c & 1 != 0 { 0xedb8_8320 ^ (c >> 1) } else { c >> 1 };
        }
        table[i] = c;
    }
}

fn crc32_table(table: &[u32; 256], data: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in data.iter() {
        crc = table[((crc ^ b as u32) & 0xff) as usize] ^ (crc >> 8);
    }
    !crc
}

fn adler32(data: &[u8]) -> u32 {
    let mut a: u32 = 1;
    let mut b: u32 = 0;
    for &x in data.iter() {
        a = (a + x as u32) % 65521;
        b = (b + a) % 65521;
    }
    (b << 16) | a
}

fn fletcher16(data: &[u8]) -> u16 {
    let mut s1: u16 = 0;
    let mut s2: u16 = 0;
    for &x in data.iter() {
        s1 = (s1 + x as u16) % 255;
        s2 = (s2 + s1) % 255;
    }
    (s2 << 8) | s1
}

fn djb2(s: &str) -> u64 {
    let mut h: u64 = 5381;
    for b in s.bytes() {
        h = h.wrapping_mul(33).wrapping_add(b as u64);
    }
    h
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let msg = b"The quick brown fox jumps over the lazy dog";
    showx("crc_bits", crc32_bitwise(msg) as u64, 8);
    let mut table = [0u32; 256];
    make_table(&mut table);
    showx("crc_table", crc32_table(&table, msg) as u64, 8);
    showx("crc_check", crc32_table(&table, b"123456789") as u64, 8);
    showx("crc_empty", crc32_bitwise(b"") as u64, 8);
    showx("adler", adler32(b"Wikipedia") as u64, 8);
    showx("fletcher", fletcher16(b"abcde") as u64, 4);
    showx("djb2", djb2("hello world"), 16);
    let mut parity = 0u8;
    for &b in msg.iter() {
        parity ^= b;
    }
    showx("parity", parity as u64, 2);
    done()
}
