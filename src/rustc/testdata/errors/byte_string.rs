fn f() { let _x = b"abc; }
