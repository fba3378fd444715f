fn f() {
    let _x = 0b102 + 0o8;
}
