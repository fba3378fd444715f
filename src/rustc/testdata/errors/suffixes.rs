// oracle: full
fn f() {
    let _x = 1.0xyz + 3abc + "s"q;
}
