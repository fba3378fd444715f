fn f(x: bool) {
    if x { } else return;
}
