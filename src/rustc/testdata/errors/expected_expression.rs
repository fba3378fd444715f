fn f() {
    let a = ;
    let b = (1 + );
    let c = [1, 2, *];
}
