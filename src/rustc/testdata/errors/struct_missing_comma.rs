struct S { a: u8 b: u8 }
fn ok() {}
5
fn also() {}
