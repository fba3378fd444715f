fn slices(buf: &mut [u8; 16]) -> usize {
    let all = &buf[..];
    let head = &buf[..4];
    let tail = &buf[12..];
    let mid = &buf[2..=5];
    let n = all.len() + head.len() + tail.len() + mid.len();
    buf[0] = buf[1];
    let (l, r) = buf.split_at_mut(8);
    l[0] = r[0];
    n
}
