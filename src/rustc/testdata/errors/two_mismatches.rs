fn f() {
    let x = [1, 2);
    g(1];
}
