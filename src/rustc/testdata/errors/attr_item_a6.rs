fn f() {}
#[test]
