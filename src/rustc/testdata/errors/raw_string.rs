fn f() {
    let _x = r#"abc;
}
