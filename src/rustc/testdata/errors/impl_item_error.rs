struct Ring {
    len: usize,
}

impl Ring {
    pub fn new() -> Self {
        Ring { len: 0 }
    }
    pub fn push(&mut self, b: u8) -> bool bool {
        self.len += 1;
        true
    }
}
