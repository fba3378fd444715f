fn f() { let _ = 5 ` 3; }
