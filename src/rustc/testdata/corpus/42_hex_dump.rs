const HEX: &[u8; 16] = b"0123456789abcdef";
fn hex(mut v: u64, out: &mut [u8; 16]) {
    let mut i = 16;
    while i > 0 {
        i -= 1;
        out[i] = HEX[(v & 0xf) as usize];
        v >>= 4;
    }
}
