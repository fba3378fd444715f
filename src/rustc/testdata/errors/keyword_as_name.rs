fn f() {
    let fn = 3;
}
