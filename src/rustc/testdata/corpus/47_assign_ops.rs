fn ops(mut a: u32) -> u32 {
    a += 1; a -= 1; a *= 2; a /= 2; a %= 7;
    a &= 0xff; a |= 0x100; a ^= 0x3; a <<= 2; a >>= 1;
    let mut arr = [0u32; 4];
    arr[a as usize % 4] += a;
    let (mut p, mut q) = (1, 2);
    (p, q) = (q, p);
    [p, _] = [q, 0];
    a + arr[0] + p + q
}
