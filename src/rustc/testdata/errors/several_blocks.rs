fn f() {
  let a = ;
  let b = (1 + );
}
fn g() {
  let c = [1, 2 3];
  h(1, 2 3);
}
fn k() { let d = (1 + ); }
