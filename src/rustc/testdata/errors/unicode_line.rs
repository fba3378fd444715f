fn f() {
    let é = "ünïcödé"; let y = ;
}
