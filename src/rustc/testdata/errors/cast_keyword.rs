fn f() { let a = x as as u8; }
