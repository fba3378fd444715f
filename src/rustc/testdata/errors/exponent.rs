fn f() { let _x = 1e; }
