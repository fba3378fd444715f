fn f() {
    g1);
}
fn h() {}
