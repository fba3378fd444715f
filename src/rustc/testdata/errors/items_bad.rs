fn ok() {}
let x = 3;
fn also_ok() {}
