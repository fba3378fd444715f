pub fn f() -> u8 { retrun 5; }
