#[inline]
[1];
