fn f(p: *u8) {}
