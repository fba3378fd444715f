fn f(p: *u8, q: *u16) {}
