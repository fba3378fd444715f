fn f(x: bool) {
    while x y += 1;
}
