fn f(x: bool) {
    if (x) foo();
}
