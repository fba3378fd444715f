fn f() {
    let a = 1;
}
fn g() { h( }
