/* unterminated
fn f() {}
