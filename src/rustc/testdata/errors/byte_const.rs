fn f() { let _x = b'a; }
