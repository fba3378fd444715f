pub struct Ring<const N: usize> { buf: [u8; N], head: usize, len: usize }
impl<const N: usize> Ring<N> {
    pub const fn new() -> Self { Ring { buf: [0; N], head: 0, len: 0 } }
    pub fn push(&mut self, b: u8) -> bool {
        if self.len == N { return false; }
        self.buf[(self.head + self.len) % N] = b;
        self.len += 1;
        true
    }
    pub fn pop(&mut self) -> Option<u8> {
        (self.len > 0).then(|| {
            let b = self.buf[self.head];
            self.head = (self.head + 1) % N;
            self.len -= 1;
            b
        })
    }
}
