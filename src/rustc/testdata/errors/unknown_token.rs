fn f() {
    let _y = (2 + );
    bar(x €);
}
x
struct S { a: u8 }
