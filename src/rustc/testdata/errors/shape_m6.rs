fn f() { let x = { a: 1 }; }
