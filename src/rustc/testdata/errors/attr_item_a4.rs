/// doc
//! inner
fn f() {}
