fn f() -> u32
fn g() {}
