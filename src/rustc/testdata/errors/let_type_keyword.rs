fn f() {
    let a: as = 1;
}
