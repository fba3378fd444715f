sort(v: u8) {}
