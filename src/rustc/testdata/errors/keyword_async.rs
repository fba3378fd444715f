fn f() {
    let async = 1;
}
